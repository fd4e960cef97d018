package com.mas.gateway.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * How tenant API keys are stored: the SHA-256 of the key's UTF-8 bytes as 64 lowercase hex
 * characters. Config keeps only these hashes; authentication hashes the presented key the same way
 * and looks the hash up.
 */
public final class ApiKeyHash {

  /** Every key the gateway generates starts with this. */
  public static final String GENERATED_KEY_PREFIX = "mgw-";

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeyHash() {}

  /** The SHA-256 of {@code key} (UTF-8) as 64 lowercase hex characters. */
  public static String sha256Hex(String key) {
    return HexFormat.of().formatHex(sha256(key));
  }

  /** The SHA-256 of {@code key} (UTF-8). */
  public static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest Javadoc).
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /**
   * A new random key: {@code mgw-} and 32 bytes from {@link SecureRandom} in URL-safe Base64
   * without padding (47 characters, 256 bits of entropy).
   */
  public static String generateKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return GENERATED_KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** True when {@code value} is 64 hex characters, in either case. */
  public static boolean isSha256Hex(String value) {
    return value != null && SHA256_HEX.matcher(value).matches();
  }
}
