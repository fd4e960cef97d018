package com.mas.gateway.state;

import com.mas.gateway.config.RedisConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The connection to the Redis that holds every counter instances must agree on (rate limits,
 * leases, budgets, the usage ledger). One per gateway process, shared by its event loops; the
 * client pools connections and never blocks. Without a configured URL there is none, and the
 * in-memory implementations are used.
 */
public final class SharedState {

  /** Callers time their commands out sooner; this bounds how long a dead host holds a connection slot. */
  private static final int CONNECT_TIMEOUT_MS = 2000;

  private final RedisConfig config;
  private final Redis redis;
  private final Map<String, Object> components = new ConcurrentHashMap<>();

  private SharedState(RedisConfig config, Redis redis) {
    this.config = config;
    this.redis = redis;
  }

  /** Connects lazily: a Redis that is down at startup does not stop the gateway. */
  public static SharedState create(Vertx vertx, RedisConfig config) {
    if (!config.configured()) {
      return new SharedState(config, null);
    }
    RedisOptions options = options(config)
        .setMaxPoolSize(16)
        .setMaxPoolWaiting(4096)
        .setMaxWaitingHandlers(4096);
    return new SharedState(config, Redis.createClient(vertx, options));
  }

  /** Options for a client of the configured Redis; a black-holed Redis fails fast. */
  static RedisOptions options(RedisConfig config) {
    RedisOptions options = new RedisOptions().setConnectionString(config.url());
    options.getNetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS);
    return options;
  }

  public RedisConfig config() {
    return config;
  }

  /** The Redis client, or empty when state is kept in memory. */
  public Optional<Redis> redis() {
    return Optional.ofNullable(redis);
  }

  /** Every key is {@code <keyPrefix><name>}; callers put the tenant hash tag in {@code name}. */
  public String key(String name) {
    return config.keyPrefix() + name;
  }

  /**
   * The process-wide component named {@code name} (a ledger, a limiter), made by
   * {@code factory} the first time any event loop asks: every gateway verticle of this process
   * then shares it. The factory must not block.
   */
  @SuppressWarnings("unchecked")
  public <T> T component(String name, Supplier<T> factory) {
    return (T) components.computeIfAbsent(name, n -> factory.get());
  }

  public Future<Void> close() {
    if (redis != null) {
      redis.close();
    }
    return Future.succeededFuture();
  }
}
