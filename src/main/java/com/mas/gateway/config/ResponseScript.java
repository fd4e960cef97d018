package com.mas.gateway.config;

import java.util.Locale;

/**
 * Whether answers are held to the Chinese script the user writes (config {@code responseScript},
 * per tenant and per route; a route's setting wins over its tenant's).
 */
public enum ResponseScript {
  /** Answers reach the client as the provider wrote them. */
  OFF,
  /**
   * The provider is asked to answer in the user's script, and whatever it writes in the other
   * script is converted on the way to the client, character by character.
   */
  MATCH;

  /** Reads {@code match} or {@code off}; a node that is absent gives {@code absent}. */
  static ResponseScript read(ConfigNode node, ResponseScript absent) {
    if (!node.isPresent()) {
      return absent;
    }
    return switch (node.text().trim().toLowerCase(Locale.ROOT)) {
      case "match" -> MATCH;
      case "off" -> OFF;
      default -> throw node.error("expected match or off, got " + Scalars.quote(node.text()));
    };
  }
}
