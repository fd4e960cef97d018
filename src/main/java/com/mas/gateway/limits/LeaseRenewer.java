package com.mas.gateway.limits;

import com.mas.gateway.state.LogThrottle;
import com.mas.gateway.state.LuaScript;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the concurrency leases of this instance's running requests alive in Redis. One timer per
 * gateway process (not one per stream) renews every lease it holds, in one script call per
 * tenant (a tenant's keys share a hash tag; different tenants may live on different Cluster
 * nodes). A lease is held from admission until its request is released. When this instance
 * dies nothing renews its leases and they expire after the lease ttl: a crash cannot leak
 * capacity.
 */
final class LeaseRenewer {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewer.class);
  private static final LuaScript RENEW = LuaScript.load("rate_limit_renew");

  private final Vertx vertx;
  private final Redis redis;
  private final LimitSettings settings;
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final LogThrottle failureLog = new LogThrottle(Duration.ofSeconds(30));
  private final long timer;

  LeaseRenewer(Vertx vertx, Redis redis, LimitSettings settings) {
    this.vertx = vertx;
    this.redis = redis;
    this.settings = settings;
    this.timer = vertx.setPeriodic(settings.renewEvery().toMillis(), id -> renewAll());
  }

  /** Starts renewing lease {@code id} of {@code tenant} in each of {@code leaseKeys}. */
  void hold(String id, String tenant, List<String> leaseKeys) {
    held.put(id, new Held(tenant, leaseKeys));
  }

  /** Stops renewing lease {@code id} (its request ended). */
  void drop(String id) {
    held.remove(id);
  }

  int size() {
    return held.size();
  }

  /** Renews every held lease; completes when every tenant's call has answered. */
  Future<Void> renewAll() {
    Map<String, Map<String, List<String>>> byTenant = new LinkedHashMap<>();
    held.forEach((id, lease) -> {
      Map<String, List<String>> byKey = byTenant.computeIfAbsent(lease.tenant(), t -> new LinkedHashMap<>());
      lease.keys().forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(id));
    });
    List<Future<?>> calls = new ArrayList<>(byTenant.size());
    byTenant.values().forEach(byKey -> calls.add(renew(byKey)));
    return Future.join(calls).mapEmpty();
  }

  private Future<?> renew(Map<String, List<String>> idsByKey) {
    List<String> args = new ArrayList<>();
    args.add(Long.toString(settings.leaseTtlMicros()));
    idsByKey.values().forEach(ids -> {
      args.add(Integer.toString(ids.size()));
      args.addAll(ids);
    });
    return RENEW.run(redis, List.copyOf(idsByKey.keySet()), args)
        .timeout(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .onFailure(failure -> {
          if (failureLog.allow()) {
            LOG.warn("Could not renew concurrency leases in Redis ({}); they expire in {} s unless a later"
                + " renewal succeeds", failure.getMessage(), settings.leaseTtl().toSeconds());
          }
        });
  }

  /** Loads the script on the server (it touches no key). */
  Future<?> warmUp() {
    return RENEW.run(redis, List.of(), List.of(Long.toString(settings.leaseTtlMicros())));
  }

  void close() {
    vertx.cancelTimer(timer);
  }

  /** A lease held by this instance: its tenant and the lease sets it is in. */
  private record Held(String tenant, List<String> keys) {}
}
