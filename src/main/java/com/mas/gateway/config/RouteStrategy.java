package com.mas.gateway.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a route orders its targets; see the README's "Routing" section. */
public enum RouteStrategy {
  /** The targets in the order written: the first usable one answers. */
  PRIORITY,
  /** One target drawn by weight (sticky per tenant and {@code user}); the others follow as fallbacks. */
  WEIGHTED,
  /** The lowest time to first event (EWMA, penalised by errors), with a little exploration. */
  LEAST_LATENCY,
  /** The lowest estimated cost at the price table's current prices. */
  CHEAPEST;

  /** The name config uses: {@code priority}, {@code weighted}, {@code least-latency}, {@code cheapest}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The strategy named {@code name} in config, or null when there is none. */
  static RouteStrategy parse(String name) {
    for (RouteStrategy strategy : values()) {
      if (strategy.configName().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return strategy;
      }
    }
    return null;
  }

  static String names() {
    return Arrays.stream(values()).map(RouteStrategy::configName).collect(Collectors.joining(", "));
  }
}
