package com.mas.gateway.cost;

import com.mas.gateway.api.Completion;
import com.mas.gateway.chat.Usage;
import com.mas.gateway.config.Prices;
import com.mas.gateway.routing.Target;
import java.util.Map;

/**
 * What an ended request is charged: each of its attempts is charged what
 * {@link Completion.Attempt#charged} says it used, at the prices of that attempt's own target
 * (in effect when the request started). A request that failed over after a refusal pays for
 * the answer only; one whose stream was continued on another target pays for both parts, each
 * at its provider's price. An attempt at a target without a price costs nothing (only tenants
 * without budgets may use such targets).
 */
final class ChargeEstimate {

  private ChargeEstimate() {}

  /** @param prices the prices of the plan's priced targets */
  static long micros(Completion done, Map<Target, Prices> prices, long inputTokens) {
    long total = 0;
    for (Completion.Attempt attempt : done.attempts()) {
      Usage usage = attempt.charged(inputTokens);
      Prices price = prices.get(attempt.target());
      if (usage != null && price != null) {
        total += CostCalculator.micros(usage, price);
      }
    }
    return total;
  }
}
