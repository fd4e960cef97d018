package com.mas.gateway.limits;

import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.limits.Decision.Dimension;
import com.mas.gateway.limits.Decision.Quota;
import com.mas.gateway.limits.Decision.Rejection;
import com.mas.gateway.limits.LimitRequest.Scope;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Rate limits of one gateway instance, in memory: the embedded default when no Redis is
 * configured, and the fail-open fallback while it is down. The same sliding window log as the
 * Redis script, step for step, on this process's monotonic clock. Decisions complete at once;
 * each tenant's scopes are guarded by one lock, so a check is atomic across them and event
 * loops serving different tenants never wait for each other.
 */
final class LocalRateLimiter implements RateLimiter {

  private final Map<String, LocalWindow> windows = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final long window;
  private final LongSupplier micros;

  LocalRateLimiter(LimitSettings settings) {
    this(settings, () -> System.nanoTime() / 1000);
  }

  /** With {@code micros} as the clock, in microseconds. */
  LocalRateLimiter(LimitSettings settings, LongSupplier micros) {
    this.window = settings.windowMicros();
    this.micros = micros;
  }

  @Override
  public Future<Decision> acquire(LimitRequest request) {
    synchronized (lock(request.tenant())) {
      return Future.succeededFuture(decide(request, micros.getAsLong()));
    }
  }

  private Decision decide(LimitRequest request, long now) {
    List<LocalWindow> scoped = request.scopes().stream().map(this::window).toList();
    Tightest tightest = new Tightest();
    for (int i = 0; i < scoped.size(); i++) {
      Rejection rejection = check(request.scopes().get(i), scoped.get(i), request.tokens(), now, tightest);
      if (rejection != null) {
        return Decision.rejected(rejection);
      }
    }
    String id = "local-" + sequence.incrementAndGet();
    for (int i = 0; i < scoped.size(); i++) {
      LimitConfig limits = request.scopes().get(i).limits();
      if (counts(limits)) {
        scoped.get(i).add(id, now, request.tokens());
      }
      if (limits.concurrentStreams() > 0) {
        scoped.get(i).lease(id);
      }
    }
    return new Decision(tightest.requests, tightest.tokens, null, used -> release(request, id, used));
  }

  /** The limit of {@code scope} this request would break, or null when it fits. */
  private Rejection check(Scope scope, LocalWindow state, long tokens, long now, Tightest tightest) {
    LimitConfig limits = scope.limits();
    if (counts(limits)) {
      state.trim(now, window);
      long count = state.count();
      long maxRequests = limits.requestsPerMinute();
      long maxTokens = limits.tokensPerMinute();
      if (maxRequests > 0 && count >= maxRequests) {
        long wait = state.admittedAt((int) (count - maxRequests)) + window - now;
        return new Rejection(scope, Dimension.REQUESTS, maxRequests, wait);
      }
      if (maxTokens > 0 && tokens > maxTokens) {
        return new Rejection(scope, Dimension.TOKENS, maxTokens, -1);
      }
      long used = state.tokens();
      if (maxTokens > 0 && used + tokens > maxTokens) {
        long wait = state.tokensFreedAt(used + tokens - maxTokens, now) + window - now;
        return new Rejection(scope, Dimension.TOKENS, maxTokens, wait);
      }
      long reset = state.oldest(now) + window - now;
      tightest.requests = tightest.tighter(tightest.requests, maxRequests, maxRequests - count - 1, reset);
      tightest.tokens = tightest.tighter(tightest.tokens, maxTokens, maxTokens - used - tokens, reset);
    }
    long maxStreams = limits.concurrentStreams();
    if (maxStreams > 0 && state.leases() >= maxStreams) {
      return new Rejection(scope, Dimension.STREAMS, maxStreams, 1_000_000);
    }
    return null;
  }

  private Future<Void> release(LimitRequest request, String id, long used) {
    synchronized (lock(request.tenant())) {
      long now = micros.getAsLong();
      for (Scope scope : request.scopes()) {
        LocalWindow state = window(scope);
        if (counts(scope.limits()) && used != request.tokens()) {
          state.trim(now, window);
          state.settle(id, request.tokens(), used, now);
        }
        state.release(id);
      }
    }
    return Future.succeededFuture();
  }

  private static boolean counts(LimitConfig limits) {
    return limits.requestsPerMinute() > 0 || limits.tokensPerMinute() > 0;
  }

  private LocalWindow window(Scope scope) {
    return windows.computeIfAbsent(scope.keyStem(), stem -> new LocalWindow());
  }

  private Object lock(String tenant) {
    return locks.computeIfAbsent(tenant, t -> new Object());
  }

  /** The scope with the least left, per dimension, as the Redis script reports it. */
  private static final class Tightest {
    Quota requests;
    Quota tokens;

    Quota tighter(Quota current, long limit, long remaining, long reset) {
      if (limit <= 0 || (current != null && current.remaining() <= remaining)) {
        return current;
      }
      return new Quota(limit, remaining, reset);
    }
  }
}
