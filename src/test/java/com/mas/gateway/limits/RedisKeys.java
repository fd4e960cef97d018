package com.mas.gateway.limits;

import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.RedisSupport;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** Reads the rate-limit keys of one test prefix straight from Redis. */
final class RedisKeys implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final Redis redis = Redis.createClient(vertx, RedisSupport.url());
  private final String prefix;

  RedisKeys(String prefix) {
    this.prefix = prefix;
  }

  /** Members of the sorted set {@code name}. */
  long count(String name) {
    return Await.result(redis.send(Request.cmd(Command.ZCARD).arg(prefix + name))).toLong();
  }

  /** The number stored at {@code name}, 0 when absent. */
  long number(String name) {
    Response value = Await.result(redis.send(Request.cmd(Command.GET).arg(prefix + name)));
    return value == null ? 0 : value.toLong();
  }

  @Override
  public void close() {
    redis.close();
    Await.result(vertx.close());
  }
}
