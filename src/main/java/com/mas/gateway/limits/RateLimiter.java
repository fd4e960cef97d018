package com.mas.gateway.limits;

import com.mas.gateway.state.SharedState;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Rate limits per tenant and per agent type: requests per minute, tokens per minute and
 * concurrent streams, checked and counted for every scope of a request at once, all or nothing.
 * One per gateway process, shared by its event loops; thread-safe.
 *
 * <p>Implementations: counters in Redis shared by every instance ({@code RedisRateLimiter}, one
 * Lua script per check), in memory for one instance ({@code LocalRateLimiter}, the embedded
 * default without Redis), and the failure policy between them ({@code FailoverRateLimiter}).
 * All use the same algorithm, a sliding window log (justified in {@code rate_limit_admit.lua}).
 */
public interface RateLimiter {

  /**
   * Checks {@code request} against its scopes and, when every one has room, counts it in all.
   * Completes with the decision (a rejection is a normal outcome, not a failure) on the calling
   * context; fails only when the limits cannot be checked (shared state down under a fail-closed
   * policy).
   */
  Future<Decision> acquire(LimitRequest request);

  /** Stops background work (lease renewal). */
  default Future<Void> close() {
    return Future.succeededFuture();
  }

  /**
   * The limiter for a gateway process: shared through Redis when {@code state} has a Redis
   * (falling back as its config says when Redis is down), in memory otherwise.
   */
  static RateLimiter create(Vertx vertx, SharedState state, MeterRegistry registry) {
    return RateLimiters.create(vertx, state, registry, LimitSettings.DEFAULT);
  }
}
