package com.mas.gateway.chat;

import java.math.BigDecimal;

/**
 * Prices an answer's usage for the client: what the final usage report says it cost. The
 * budget stage sets one per request when the model has a price; the answer reports it as the
 * {@code x-gateway-cost-usd} header (whole answers) or as {@code usage.cost_usd} in the usage
 * chunk (streams).
 */
@FunctionalInterface
public interface CostQuote {

  /** No price known: the answer reports no cost. */
  CostQuote NONE = usage -> -1;

  /** The cost of {@code usage} in micro-dollars, or -1 when the model has no price. */
  long microDollars(Usage usage);

  /** Micro-dollars as a decimal USD string with six decimals: 1234 → {@code 0.001234}. */
  static String usd(long microDollars) {
    return BigDecimal.valueOf(microDollars, 6).toPlainString();
  }
}
