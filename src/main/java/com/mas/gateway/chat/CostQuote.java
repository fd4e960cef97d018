package com.mas.gateway.chat;

/** Prices an answer's usage for the client: what the final usage report says it cost. */
@FunctionalInterface
public interface CostQuote {

  /** No price known: the answer reports no cost. */
  CostQuote NONE = usage -> -1;

  /** The cost of {@code usage} in micro-dollars, or -1 when the model has no price. */
  long microDollars(Usage usage);
}
