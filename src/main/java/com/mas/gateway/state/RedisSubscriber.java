package com.mas.gateway.state;

import com.mas.gateway.config.RedisConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Listens to Redis channels on a connection of its own: a subscribed connection can do nothing
 * else, so it never comes from the shared pool. When the connection breaks (Redis restarted, a
 * network cut) it reconnects every {@code retryEvery} until Redis answers, then resubscribes and
 * runs the {@code onSubscribed} action, with which owners re-read what they missed meanwhile. The
 * outage is logged and counted through a {@link RedisOutage}. Messages and actions run on the
 * context that called {@link #start}.
 */
public final class RedisSubscriber {

  private final Vertx vertx;
  private final RedisConfig config;
  private final RedisOutage outage;
  private final long retryMillis;
  private final Map<String, Consumer<String>> channels = new LinkedHashMap<>();
  private Supplier<Future<?>> onSubscribed = Future::succeededFuture;
  private Redis client;
  private boolean closed;

  public RedisSubscriber(Vertx vertx, RedisConfig config, RedisOutage outage, long retryMillis) {
    this.vertx = vertx;
    this.config = config;
    this.outage = outage;
    this.retryMillis = retryMillis;
  }

  /** Delivers every message on {@code channel} to {@code handler}; call before {@link #start}. */
  public RedisSubscriber on(String channel, Consumer<String> handler) {
    channels.put(channel, handler);
    return this;
  }

  /** Runs after every successful (re)subscription; call before {@link #start}. */
  public RedisSubscriber onSubscribed(Supplier<Future<?>> action) {
    this.onSubscribed = action;
    return this;
  }

  /**
   * Connects, subscribes and runs the {@code onSubscribed} action. Completes when that is done,
   * or when the first attempt failed (then it keeps trying in the background): a Redis that is
   * down does not stop the gateway.
   */
  public Future<Void> start() {
    return connect().recover(failure -> Future.succeededFuture());
  }

  public Future<Void> close() {
    closed = true;
    Redis current = client;
    client = null;
    if (current != null) {
      current.close();
    }
    return Future.succeededFuture();
  }

  private Future<Void> connect() {
    if (closed) {
      return Future.succeededFuture();
    }
    Redis attempt = Redis.createClient(vertx, SharedState.options(config).setMaxPoolSize(1));
    client = attempt;
    return attempt.connect()
        .compose(connection -> subscribe(attempt, connection))
        .onSuccess(v -> outage.succeeded())
        .compose(v -> onSubscribed.get())
        .onFailure(failure -> lost(attempt, failure))
        .mapEmpty();
  }

  private Future<Void> subscribe(Redis attempt, RedisConnection connection) {
    connection.handler(this::dispatch);
    connection.exceptionHandler(failure -> lost(attempt, failure));
    connection.endHandler(v -> lost(attempt, new IllegalStateException("the subscription connection closed")));
    Request subscribe = Request.cmd(Command.SUBSCRIBE);
    channels.keySet().forEach(subscribe::arg);
    return connection.send(subscribe).mapEmpty();
  }

  /** A push is {@code ["message", channel, payload]}; confirmations and other pushes are skipped. */
  private void dispatch(Response push) {
    if (push == null || push.size() < 3 || !"message".equals(push.get(0).toString())) {
      return;
    }
    Consumer<String> handler = channels.get(push.get(1).toString());
    if (handler != null) {
      handler.accept(push.get(2).toString());
    }
  }

  /** Handles each broken connection once; a late event of an older one changes nothing. */
  private void lost(Redis broken, Throwable failure) {
    if (closed || client != broken) {
      return;
    }
    client = null;
    broken.close();
    outage.failed(failure);
    outage.fellBack();
    vertx.setTimer(retryMillis, id -> connect());
  }
}
