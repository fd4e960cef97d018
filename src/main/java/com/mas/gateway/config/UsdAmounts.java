package com.mas.gateway.config;

import java.math.BigDecimal;

/**
 * Converts USD amounts written in config (decimal strings or numbers) to integer micro-dollars,
 * exactly: a value with more than six decimal places is an error rather than silently rounded,
 * so the ledger never holds a fraction of a micro-dollar.
 */
final class UsdAmounts {

  /** Upper bound of a price: USD 1,000,000 per million tokens (far above any real model). */
  static final long MAX_PRICE_MICROS = 1_000_000L * 1_000_000L;

  private UsdAmounts() {}

  /** A price in USD per million tokens as micro-dollars per million tokens. */
  static long perMillion(ConfigNode node) {
    return micros(node, MAX_PRICE_MICROS);
  }

  /** A non-negative USD amount, at most {@code max} micro-dollars, as micro-dollars. */
  static long micros(ConfigNode node, long max) {
    BigDecimal usd = node.decimal();
    if (usd.signum() < 0) {
      throw node.error("must not be negative, got " + shown(usd));
    }
    BigDecimal limit = BigDecimal.valueOf(max, 6);
    if (usd.compareTo(limit) > 0) {
      throw node.error("must be at most " + limit.stripTrailingZeros().toPlainString() + " USD, got " + shown(usd));
    }
    if (usd.stripTrailingZeros().scale() > 6) {
      throw node.error("at most 6 decimal places (one micro-dollar), got " + shown(usd));
    }
    return usd.movePointRight(6).longValueExact();
  }

  /** Plain digits for amounts of a sensible size; scientific notation keeps absurd ones short. */
  private static String shown(BigDecimal value) {
    boolean modest = value.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) <= 0 && value.scale() <= 20;
    return modest ? value.toPlainString() : value.toString();
  }
}
