package com.mas.gateway.simulator;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fault that strikes every request until it is cleared, whatever the request asks for: the
 * simulated provider is down (a status such as 503 or 529, or connections reset), its model
 * lists included, which is what a recovery probe sees. Set with {@code PUT /sim/fault} and the
 * {@code x-sim-fault} grammar ({@code status=<code>[;retry-after=<s>]} or {@code reset}), cleared
 * with {@code DELETE /sim/fault}. Thread-safe.
 */
final class StandingFault {

  private final AtomicReference<FaultPlan> fault = new AtomicReference<>();

  /**
   * Makes every request fail with {@code spec} from now on.
   *
   * @throws IllegalArgumentException for a spec that is not a status or reset fault
   */
  void set(String spec) {
    FaultPlan plan = FaultPlan.parse(spec);
    if (plan.kind() != FaultPlan.Kind.STATUS && plan.kind() != FaultPlan.Kind.RESET) {
      throw new IllegalArgumentException("a standing fault is status=<code>[;retry-after=<s>] or reset: " + spec);
    }
    fault.set(plan);
  }

  void clear() {
    fault.set(null);
  }

  Optional<FaultPlan> current() {
    return Optional.ofNullable(fault.get());
  }
}
