package com.mas.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks the {@code Authorization: Bearer} header against the configured key, if any. */
final class ApiKeyCheck {

  private static final String BEARER = "Bearer ";

  private final byte[] expected;

  /** @param apiKey the key to require; null or empty accepts every request */
  ApiKeyCheck(String apiKey) {
    this.expected = apiKey == null || apiKey.isEmpty()
        ? null
        : apiKey.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Passes or throws a 401 whose message never repeats what the client sent.
   *
   * @throws WireError when a key is required and the header is missing or wrong
   */
  void verify(String authorization) {
    if (expected == null) {
      return;
    }
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, 7)) {
      throw OpenAiErrors.missingKey();
    }
    byte[] sent = authorization.substring(BEARER.length()).trim()
        .getBytes(StandardCharsets.UTF_8);
    // Constant time, so response timing does not reveal how much of a guess was right.
    if (!MessageDigest.isEqual(expected, sent)) {
      throw OpenAiErrors.wrongKey();
    }
  }
}
