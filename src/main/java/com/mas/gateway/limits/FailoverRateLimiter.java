package com.mas.gateway.limits;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.state.RedisOutage;
import io.vertx.core.Future;
import java.util.Map;

/**
 * The failure policy of shared rate limits (configured as {@code redis.onFailure.limits}). Every
 * check goes to Redis while it answers. When it fails or does not answer within the command
 * timeout, the request is decided without it and {@link RedisOutage} counts and logs that:
 * <ul>
 *   <li>{@code open} (the default): by this instance's in-memory limiter, which holds each
 *       tenant to its full limits on this instance alone (so N instances admit up to N times
 *       the limit while Redis is down). Serving goes on; readiness stays up.
 *   <li>{@code closed}: refused with 503 {@code rate_limits_unavailable} and {@code retry-after: 1}.
 * </ul>
 * During an outage one request a second tries Redis again, and the first answer ends it: the
 * shared counters resume by themselves. Permits are released where they were granted. A check
 * that timed out may still have run on Redis: it then counts there as well until it leaves the
 * window and its lease expires, so an outage errs towards counting a request twice, never
 * towards losing one.
 */
final class FailoverRateLimiter implements RateLimiter {

  private final RateLimiter shared;
  private final RateLimiter local;
  private final boolean failOpen;
  private final RedisOutage outage;

  FailoverRateLimiter(RateLimiter shared, RateLimiter local, boolean failOpen, RedisOutage outage) {
    this.shared = shared;
    this.local = local;
    this.failOpen = failOpen;
    this.outage = outage;
  }

  @Override
  public Future<Decision> acquire(LimitRequest request) {
    if (!outage.tryRedis()) {
      return fallback(request);
    }
    return shared.acquire(request)
        .map(decision -> {
          outage.succeeded();
          return watched(decision);
        })
        .recover(failure -> {
          outage.failed(failure);
          return fallback(request);
        });
  }

  @Override
  public Future<Void> close() {
    return shared.close().compose(v -> local.close());
  }

  private Future<Decision> fallback(LimitRequest request) {
    outage.fellBack();
    return failOpen ? local.acquire(request) : Future.failedFuture(unavailable());
  }

  /** A failed settlement is a sign of an outage too. */
  private Decision watched(Decision decision) {
    if (decision.permit() == null) {
      return decision;
    }
    Decision.Permit permit = decision.permit();
    return new Decision(decision.requests(), decision.tokens(), null,
        used -> permit.release(used).onFailure(outage::failed));
  }

  private static GatewayException unavailable() {
    return new GatewayException(503, "server_error", "rate_limits_unavailable", null,
        "Rate limits cannot be checked right now because the shared state store does not answer. "
            + "Retry shortly.", Map.of("retry-after", "1"));
  }
}
