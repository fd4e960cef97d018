package com.mas.gateway.limits;

import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.limits.Decision.Dimension;
import com.mas.gateway.limits.Decision.Quota;
import com.mas.gateway.limits.Decision.Rejection;
import com.mas.gateway.limits.LimitRequest.Scope;
import com.mas.gateway.state.LuaScript;
import com.mas.gateway.state.SharedState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rate limits shared by every gateway instance through Redis: one {@code rate_limit_admit.lua}
 * call per request (one round trip, atomic across the tenant's and the agent type's scopes, on
 * Redis server time), one {@code rate_limit_settle.lua} call after it ended (off the request
 * path), and the {@link LeaseRenewer} for long streams. Every call is bounded by the command
 * timeout and fails when Redis does not answer; {@link FailoverRateLimiter} decides what then.
 *
 * <p>Why a sliding window log: it is exact, no 60-second interval ever holds more than the
 * limit, where a token bucket or GCRA lets a minute straddling a burst hold nearly twice the
 * limit (the full argument is in the script).
 *
 * <p>Each admission gets an id made by this limiter (random instance prefix and a counter),
 * never the client's request id, so a client repeating an id cannot collapse its requests
 * into one log member.
 */
final class RedisRateLimiter implements RateLimiter {

  private static final LuaScript ADMIT = LuaScript.load("rate_limit_admit");
  private static final LuaScript SETTLE = LuaScript.load("rate_limit_settle");

  private final Redis redis;
  private final SharedState state;
  private final LimitSettings settings;
  private final LeaseRenewer leases;
  private final String instance = Long.toString(ThreadLocalRandom.current().nextLong() >>> 16, 36) + "-";
  private final AtomicLong sequence = new AtomicLong();

  RedisRateLimiter(Vertx vertx, SharedState state, LimitSettings settings) {
    this.redis = state.redis().orElseThrow(() -> new IllegalArgumentException("no Redis configured"));
    this.state = state;
    this.settings = settings;
    this.leases = new LeaseRenewer(vertx, redis, settings);
  }

  @Override
  public Future<Decision> acquire(LimitRequest request) {
    String id = instance + Long.toString(sequence.incrementAndGet(), 36);
    List<String> keys = keys(request);
    return ADMIT.run(redis, keys, admitArgs(id, request))
        .timeout(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .map(reply -> decision(request, id, keys, reply));
  }

  /**
   * Opens a connection and loads the scripts, so that the first burst of requests neither waits
   * for connections and {@code EVAL} nor runs into the command timeout. The calls touch no key.
   */
  Future<Void> warmUp() {
    List<String> noScope = List.of(Long.toString(settings.windowMicros()), Long.toString(settings.leaseTtlMicros()),
        "warm-up", "0");
    return Future.join(ADMIT.run(redis, List.of(), noScope),
        SETTLE.run(redis, List.of(), List.of("0", "warm-up", "0", "0")), leases.warmUp()).mapEmpty();
  }

  @Override
  public Future<Void> close() {
    leases.close();
    return Future.succeededFuture();
  }

  /** The renewer of this instance's leases (tests drive it directly). */
  LeaseRenewer leases() {
    return leases;
  }

  private Decision decision(LimitRequest request, String id, List<String> keys, Response reply) {
    if (reply.get(0).toInteger() == 0) {
      Scope scope = request.scopes().get(reply.get(1).toInteger() - 1);
      Dimension dimension = Dimension.values()[reply.get(2).toInteger() - 1];
      return Decision.rejected(new Rejection(scope, dimension, reply.get(3).toLong(), reply.get(4).toLong()));
    }
    List<String> leaseKeys = leaseKeys(request, keys);
    if (!leaseKeys.isEmpty()) {
      leases.hold(id, request.tenant(), leaseKeys);
    }
    return new Decision(quota(reply, 1), quota(reply, 4), null, used -> release(request, id, keys, used));
  }

  private Future<Void> release(LimitRequest request, String id, List<String> keys, long used) {
    leases.drop(id);
    boolean settles = used != request.tokens() && request.scopes().stream().anyMatch(s -> counts(s.limits()));
    boolean leased = request.scopes().stream().anyMatch(s -> s.limits().concurrentStreams() > 0);
    if (!settles && !leased) {
      return Future.succeededFuture();
    }
    return SETTLE.run(redis, keys, settleArgs(request, id, used))
        .timeout(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .mapEmpty();
  }

  /** Three keys per scope: the log, its token sum, the lease set. */
  private List<String> keys(LimitRequest request) {
    List<String> keys = new ArrayList<>(request.scopes().size() * 3);
    for (Scope scope : request.scopes()) {
      String stem = state.key(scope.keyStem());
      keys.add(stem + ":log");
      keys.add(stem + ":tokens");
      keys.add(stem + ":leases");
    }
    return keys;
  }

  private static List<String> leaseKeys(LimitRequest request, List<String> keys) {
    List<String> leaseKeys = new ArrayList<>(2);
    for (int i = 0; i < request.scopes().size(); i++) {
      if (request.scopes().get(i).limits().concurrentStreams() > 0) {
        leaseKeys.add(keys.get(i * 3 + 2));
      }
    }
    return leaseKeys;
  }

  private List<String> admitArgs(String id, LimitRequest request) {
    List<String> args = new ArrayList<>(4 + request.scopes().size() * 3);
    args.add(Long.toString(settings.windowMicros()));
    args.add(Long.toString(settings.leaseTtlMicros()));
    args.add(id);
    args.add(Long.toString(request.tokens()));
    for (Scope scope : request.scopes()) {
      LimitConfig limits = scope.limits();
      args.add(Long.toString(limits.requestsPerMinute()));
      args.add(Long.toString(limits.tokensPerMinute()));
      args.add(Long.toString(limits.concurrentStreams()));
    }
    return args;
  }

  private List<String> settleArgs(LimitRequest request, String id, long used) {
    List<String> args = new ArrayList<>(4 + request.scopes().size() * 2);
    args.add(Long.toString(settings.windowMicros()));
    args.add(id);
    args.add(Long.toString(request.tokens()));
    args.add(Long.toString(used));
    for (Scope scope : request.scopes()) {
      args.add(counts(scope.limits()) ? "1" : "0");
      args.add(scope.limits().concurrentStreams() > 0 ? "1" : "0");
    }
    return args;
  }

  private static boolean counts(LimitConfig limits) {
    return limits.requestsPerMinute() > 0 || limits.tokensPerMinute() > 0;
  }

  private static Quota quota(Response reply, int at) {
    long limit = reply.get(at).toLong();
    return limit < 0 ? null : new Quota(limit, reply.get(at + 1).toLong(), reply.get(at + 2).toLong());
  }
}
