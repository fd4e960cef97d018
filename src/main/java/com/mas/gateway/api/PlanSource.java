package com.mas.gateway.api;

import com.mas.gateway.routing.RoutePlan;

/**
 * Where the resolve stage takes a request's route plan from, before it falls back to the
 * requested model's one target. The router's rules will be the source of real plans; until a
 * deployment has them, and in tests that need a fixed failover plan, this is the seam.
 */
@FunctionalInterface
public interface PlanSource {

  /** No plans of its own: every request goes to the one target its model resolves to. */
  PlanSource NONE = exchange -> null;

  /**
   * The plan for {@code exchange} (its tenant, request and agent type are known), or null to
   * resolve the requested model to its one target.
   */
  RoutePlan plan(Exchange exchange);
}
