package com.mas.gateway.routing;

import com.mas.gateway.resilience.AttemptGuard;

/**
 * What a routing decision checks besides the rules: operator overrides, the circuit breakers and
 * the rate limits the scores remember. Immutable but for the live breakers and scores it reads.
 */
record Conditions(Overrides overrides, AttemptGuard guard, TargetScores scores, ModelCatalog catalog) {

  /** Dropped from every plan: an operator switched its provider off. */
  boolean disabled(Target target) {
    return overrides.disabledProviders().contains(target.provider());
  }

  /**
   * True when the target may go first: its breaker lets attempts through (or an operator forces
   * its provider on) and no rate limit it reported is still running.
   */
  boolean ready(Target target) {
    boolean healthy = overrides.forcedProviders().contains(target.provider()) || guard.available(target);
    return healthy && !scores.exhausted(target);
  }

  Conditions with(Overrides other) {
    return new Conditions(other, guard, scores, catalog);
  }
}
