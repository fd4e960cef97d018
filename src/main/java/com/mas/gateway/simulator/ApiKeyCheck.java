package com.mas.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Compares a key a request sent with the configured one, if any. Each {@link WireFormat}
 * finds the key in its own header and words its own refusal; none repeats what was sent.
 */
final class ApiKeyCheck {

  private static final String BEARER = "Bearer ";

  private final byte[] expected;

  /** @param apiKey the key to require; null or empty accepts every request */
  ApiKeyCheck(String apiKey) {
    this.expected = apiKey == null || apiKey.isEmpty()
        ? null
        : apiKey.getBytes(StandardCharsets.UTF_8);
  }

  /** True when requests must carry the key. */
  boolean required() {
    return expected != null;
  }

  /** True when no key is required, or {@code sent} is the key. */
  boolean accepts(String sent) {
    if (expected == null) {
      return true;
    }
    // Constant time, so response timing does not reveal how much of a guess was right.
    return sent != null
        && MessageDigest.isEqual(expected, sent.trim().getBytes(StandardCharsets.UTF_8));
  }

  /** The token of an {@code Authorization: Bearer} header, or null for any other value. */
  static String bearerToken(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, 7)) {
      return null;
    }
    return authorization.substring(BEARER.length()).trim();
  }
}
