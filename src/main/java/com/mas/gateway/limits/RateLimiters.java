package com.mas.gateway.limits;

import com.mas.gateway.state.RedisOutage;
import com.mas.gateway.state.SharedState;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the rate limiter a gateway process runs with, from its shared state and settings. */
final class RateLimiters {

  private static final Logger LOG = LoggerFactory.getLogger(RateLimiters.class);

  private RateLimiters() {}

  /** Redis with the configured failure policy when Redis is configured, else in memory. */
  static RateLimiter create(Vertx vertx, SharedState state, MeterRegistry registry, LimitSettings settings) {
    LocalRateLimiter local = new LocalRateLimiter(settings);
    if (state.redis().isEmpty()) {
      LOG.info("Rate limits are counted in memory, per instance: no Redis is configured");
      return local;
    }
    boolean failOpen = state.config().limitsFailOpen();
    String policy = failOpen
        ? "rate limits fall back to per-instance counters (redis.onFailure.limits: open)"
        : "requests are refused with 503 (redis.onFailure.limits: closed)";
    RedisOutage outage = new RedisOutage("limits", state.config().redactedUrl(), policy, settings.retryEvery(), registry);
    LOG.info("Rate limits are shared through Redis at {}", state.config().redactedUrl());
    RedisRateLimiter shared = new RedisRateLimiter(vertx, state, settings);
    shared.warmUp().onFailure(failure -> LOG.info("Redis at {} does not answer yet ({}); rate limits fall back"
        + " as configured until it does", state.config().redactedUrl(), failure.getMessage()));
    return new FailoverRateLimiter(shared, local, failOpen, outage);
  }
}
