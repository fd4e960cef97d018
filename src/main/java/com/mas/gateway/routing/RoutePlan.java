package com.mas.gateway.routing;

import com.mas.gateway.config.ResponseScript;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where one request may go, in the order to try: the route that matched, its targets after the
 * route's strategy ordered them, and the bounds on trying them.
 *
 * @param route the name of the matched route (an alias or rule), or the model for a direct target
 * @param targets the targets in the order to try; never empty
 * @param continuation whether a stream that breaks after content was sent is continued on the next target
 * @param maxAttempts the most attempts, over all targets, the request may make
 * @param deadline how long all attempts together may take until the answer's headers are sent
 * @param responseScript whether the route holds answers to the user's script; null leaves it to the tenant
 */
public record RoutePlan(String route, List<Target> targets, boolean continuation, int maxAttempts, Duration deadline,
    ResponseScript responseScript) {

  /** Attempts and time for a plan that does not say otherwise. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

  /** A plan that leaves the response script to the tenant. */
  public RoutePlan(String route, List<Target> targets, boolean continuation, int maxAttempts, Duration deadline) {
    this(route, targets, continuation, maxAttempts, deadline, null);
  }

  public RoutePlan {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a route plan needs at least one target");
    }
    targets = List.copyOf(targets);
  }

  /** A plan with one target and nowhere to fail over to. */
  public static RoutePlan single(String route, Target target) {
    return new RoutePlan(route, List.of(target), false, 1, DEFAULT_DEADLINE);
  }

  /**
   * The same plan over only those of its targets that {@code keep} accepts, in the same order;
   * this plan itself when all are kept, null when none is.
   */
  public RoutePlan narrowed(Predicate<Target> keep) {
    List<Target> kept = targets.stream().filter(keep).toList();
    if (kept.isEmpty()) {
      return null;
    }
    return kept.size() == targets.size() ? this
        : new RoutePlan(route, kept, continuation, maxAttempts, deadline, responseScript);
  }

  /** The first target to try. */
  public Target primary() {
    return targets.get(0);
  }
}
