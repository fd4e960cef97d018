package com.mas.gateway.config;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Reads the {@code breakers} section; every key is optional and defaults to
 * {@link BreakerConfig#DEFAULT}:
 *
 * <pre>
 * breakers:
 *   enabled: true
 *   consecutiveFailures: 5     # failures in a row that open a target's breaker
 *   failureRatio: 0.5          # or this share of failures ...
 *   ratioMinRequests: 20       # ... among at least this many attempts ...
 *   ratioWindow: 30s           # ... in this window
 *   openBase: 5s               # first opening; each further one in a row lasts openFactor times longer
 *   openFactor: 2
 *   openMax: 5m
 *   probe: models              # models | completion | none
 * </pre>
 */
final class BreakerSection {

  private BreakerSection() {}

  static BreakerConfig read(ConfigNode node) {
    node.mapping("enabled", "consecutiveFailures", "failureRatio", "ratioMinRequests", "ratioWindow", "openBase",
        "openFactor", "openMax", "probe");
    BreakerConfig d = BreakerConfig.DEFAULT;
    Duration base = node.get("openBase").positiveDuration(d.openBase());
    ConfigNode maxNode = node.get("openMax");
    Duration max = maxNode.isPresent() ? maxNode.positiveDuration(null) : longer(d.openMax(), base);
    if (max.compareTo(base) < 0) {
      throw maxNode.error("must not be shorter than openBase (" + base.toMillis() + " ms)");
    }
    return new BreakerConfig(
        node.get("enabled").bool(d.enabled()),
        (int) node.get("consecutiveFailures").integer(d.consecutiveFailures(), 1, 1_000_000),
        ratio(node.get("failureRatio"), d.failureRatio()),
        (int) node.get("ratioMinRequests").integer(d.ratioMinRequests(), 1, 1_000_000),
        node.get("ratioWindow").positiveDuration(d.ratioWindow()),
        base,
        factor(node.get("openFactor"), d.openFactor()),
        max,
        probe(node.get("probe"), d.probe()));
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** A share of attempts: greater than 0, at most 1. */
  private static double ratio(ConfigNode node, double fallback) {
    if (!node.isPresent()) {
      return fallback;
    }
    BigDecimal value = node.decimal();
    if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
      throw node.error("must be greater than 0 and at most 1, got " + value.toPlainString());
    }
    return value.doubleValue();
  }

  private static double factor(ConfigNode node, double fallback) {
    if (!node.isPresent()) {
      return fallback;
    }
    BigDecimal value = node.decimal();
    if (value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw node.error("must be between 1 and 100, got " + value.toPlainString());
    }
    return value.doubleValue();
  }

  private static ProbeKind probe(ConfigNode node, ProbeKind fallback) {
    if (!node.isPresent()) {
      return fallback;
    }
    ProbeKind kind = ProbeKind.parse(node.text());
    if (kind == null) {
      throw node.error("expected models, completion or none, got " + Scalars.quote(node.text()));
    }
    return kind;
  }
}
