package com.mas.gateway.resilience;

import com.mas.gateway.config.BreakerConfig;
import com.mas.gateway.state.RedisOutage;
import com.mas.gateway.state.SharedState;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * What every instance of a fleet must agree on besides counters: the circuit breakers' states and
 * the operator overrides. One per process; {@link BreakerVerticle} keeps it in step with Redis.
 *
 * @param breakers the breakers, shared with other instances when Redis is configured
 * @param overrides the operator overrides
 * @param outage whether Redis answers, as the breakers and overrides see it (null without Redis)
 */
public record SharedControls(CircuitBreakers breakers, OverrideStore overrides, RedisOutage outage) {

  /** How often a lost subscription is retried. */
  static final Duration RETRY = Duration.ofSeconds(1);

  public static SharedControls create(Vertx vertx, BreakerConfig config, SharedState state, MeterRegistry registry) {
    RedisOutage outage = state.redis().isEmpty() ? null : new RedisOutage("breakers", state.config().redactedUrl(),
        "each instance's breakers work alone and overrides cannot change", RETRY, registry);
    BreakerSharing sharing = outage == null ? BreakerSharing.LOCAL : new RedisBreakerSharing(state, outage);
    CircuitBreakers breakers = new CircuitBreakers(vertx, config, registry, sharing);
    OverrideStore overrides = new OverrideStore(state);
    overrides.listen(breakers::overrides);
    return new SharedControls(breakers, overrides, outage);
  }

  /** The guard the data path uses: the breakers, or none when {@code breakers.enabled} is false. */
  public AttemptGuard guard() {
    return breakers.config().enabled() ? breakers : AttemptGuard.NONE;
  }
}
