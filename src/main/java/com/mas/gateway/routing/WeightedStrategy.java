package com.mas.gateway.routing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Splits traffic by weight, for A/B tests and canaries: one target is drawn first, the others
 * follow by descending weight as fallbacks. The draw is a point in [0, 1) laid over the usable
 * targets' weights in configured order:
 * <ul>
 *   <li>with a {@code user}, a hash of tenant and user, so one user stays on one arm on every
 *       gateway instance (String hashes are specified, hence the same everywhere) for as long as
 *       the arms and weights stay;
 *   <li>without, the next point of a golden-ratio sequence, which spreads requests evenly: a
 *       90/10 split is within a request or two of 90/10 after any number of requests.
 * </ul>
 * Only usable targets take part, so an arm that is down hands its share to the others in
 * proportion, and a sticky user returns to its arm when it recovers.
 */
final class WeightedStrategy implements Strategy {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final double TO_UNIT = 0x1.0p-53;

  private final Map<Target, Integer> weights;
  private final AtomicLong sequence = new AtomicLong();

  WeightedStrategy(Map<Target, Integer> weights) {
    this.weights = Map.copyOf(weights);
  }

  @Override
  public void order(List<Target> targets, RouteRequest request) {
    long total = 0;
    for (int i = 0; i < targets.size(); i++) {
      total += weight(targets.get(i));
    }
    int drawn = total == 0 ? -1 : arm(targets, (long) (point(request) * total));
    Target first = drawn < 0 ? null : targets.remove(drawn);
    targets.sort((a, b) -> Integer.compare(weight(b), weight(a)));
    if (first != null) {
      targets.add(0, first);
    }
  }

  private double point(RouteRequest request) {
    long bits = request.user() == null
        ? sequence.getAndIncrement() * GOLDEN
        : mix(request.tenant().hashCode() * 0x100000001B3L ^ request.user().hashCode());
    return (bits >>> 11) * TO_UNIT;
  }

  private int arm(List<Target> targets, long position) {
    long reached = 0;
    for (int i = 0; i < targets.size(); i++) {
      reached += weight(targets.get(i));
      if (position < reached) {
        return i;
      }
    }
    return targets.size() - 1;
  }

  private int weight(Target target) {
    return weights.getOrDefault(target, 0);
  }

  /** MurmurHash3's 64-bit finaliser: every input bit moves every output bit. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
