package com.mas.gateway.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * How tenant API keys are stored: the SHA-256 of the key's UTF-8 bytes as 64 lowercase hex
 * characters. Config keeps only these hashes; authentication hashes the presented key the same way
 * and looks the hash up.
 */
public final class ApiKeyHash {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

  private ApiKeyHash() {}

  /** The SHA-256 of {@code key} (UTF-8) as 64 lowercase hex characters. */
  public static String sha256Hex(String key) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest Javadoc).
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** True when {@code value} is 64 hex characters, in either case. */
  public static boolean isSha256Hex(String value) {
    return value != null && SHA256_HEX.matcher(value).matches();
  }
}
