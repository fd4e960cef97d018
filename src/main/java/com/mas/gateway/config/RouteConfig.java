package com.mas.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the requests of one alias or rule go: the candidate targets, how to order them, and the
 * bounds of failing over between them.
 *
 * @param name the route's name: the alias, or the rule's {@code name}; operators pin routes by it
 * @param targets the candidates in the order written; never empty
 * @param strategy how the candidates are ordered for each request
 * @param continuation whether a stream broken after content was sent continues on the next target
 * @param maxAttempts the most attempts over all targets; 0 for the gateway's default
 * @param deadline the time all attempts together may take; null for the gateway's default
 */
public record RouteConfig(String name, List<RouteTarget> targets, RouteStrategy strategy, boolean continuation,
    int maxAttempts, Duration deadline) {

  public RouteConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(strategy, "strategy");
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a route needs at least one target");
    }
  }

  /** The same route under another name (a rule that yields an alias). */
  public RouteConfig named(String other) {
    return new RouteConfig(other, targets, strategy, continuation, maxAttempts, deadline);
  }
}
