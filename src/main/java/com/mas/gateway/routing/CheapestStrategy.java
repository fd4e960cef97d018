package com.mas.gateway.routing;

import com.mas.gateway.cost.PriceTable;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The cheapest target first, by the prices in force now (time-of-day windows included): the
 * estimated input tokens at the input price plus an assumed answer of {@code max_tokens}, at most
 * {@value #ASSUMED_OUTPUT_TOKENS} tokens, at the output price. Targets without a price go last,
 * in configured order. Capability is settled before: only targets that can serve the request are
 * ordered here.
 */
final class CheapestStrategy implements Strategy {

  static final long ASSUMED_OUTPUT_TOKENS = 1_000;

  private final PriceTable prices;
  private final LongSupplier clock;

  CheapestStrategy(PriceTable prices, LongSupplier clock) {
    this.prices = prices;
    this.clock = clock;
  }

  @Override
  public void order(List<Target> targets, RouteRequest request) {
    Instant now = Instant.ofEpochMilli(clock.getAsLong());
    long output = request.needs().maxOutputTokens() > 0
        ? Math.min(request.needs().maxOutputTokens(), ASSUMED_OUTPUT_TOKENS) : ASSUMED_OUTPUT_TOKENS;
    double[] cost = new double[targets.size()];
    for (int i = 0; i < cost.length; i++) {
      cost[i] = prices.pricesAt(targets.get(i), now)
          .map(p -> (double) request.inputTokens() * p.input() + (double) output * p.output())
          .orElse(Double.POSITIVE_INFINITY);
    }
    Strategy.sortByKey(targets, cost);
  }
}
