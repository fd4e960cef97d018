package com.mas.gateway.resilience;

import com.mas.gateway.routing.Target;
import com.mas.gateway.state.LuaScript;
import com.mas.gateway.state.RedisOutage;
import com.mas.gateway.state.SharedState;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Breaker states in Redis: {@code <prefix>{breakers}:<provider>/<model>} holds an open breaker's
 * state until its opening ends, {@code <prefix>{breakers}:targets} lists the targets ever stored,
 * and every change is announced on channel {@code <prefix>breakers} ({@code breaker_share.lua},
 * one round trip). Messages carry this instance's id so it ignores its own. While Redis does not
 * answer, changes stay local (each instance's breakers keep working alone), the outage is logged
 * and counted as component {@code breakers}, and {@link CircuitBreakers#resync} catches up.
 */
public final class RedisBreakerSharing implements BreakerSharing {

  private static final Logger LOG = LoggerFactory.getLogger(RedisBreakerSharing.class);
  private static final LuaScript SHARE = LuaScript.load("breaker_share");
  private static final long COMMAND_TIMEOUT_MS = 1000;

  private final Redis redis;
  private final SharedState state;
  private final RedisOutage outage;
  private final String instance = UUID.randomUUID().toString();
  private final Map<Target, BreakerView> unshared = new ConcurrentHashMap<>();

  public RedisBreakerSharing(SharedState state, RedisOutage outage) {
    this.redis = state.redis().orElseThrow(() -> new IllegalArgumentException("no Redis configured"));
    this.state = state;
    this.outage = outage;
  }

  @Override
  public void publish(BreakerView view) {
    String id = id(view);
    long ttl = view.open() ? Math.max(1, view.trialAtMillis() - System.currentTimeMillis()) : 0;
    SHARE.run(redis, List.of(stateKey(id), state.key("{breakers}:targets")),
            List.of(id, view.toMessage(instance).encode(), Long.toString(ttl), channel()))
        .timeout(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onSuccess(v -> {
          unshared.remove(view.target(), view);
          outage.succeeded();
        })
        .onFailure(failure -> {
          unshared.put(view.target(), view);
          outage.failed(failure);
          outage.fellBack();
        });
  }

  @Override
  public List<BreakerView> drainUnshared() {
    List<BreakerView> drained = new ArrayList<>();
    unshared.keySet().forEach(target -> {
      BreakerView view = unshared.remove(target);
      if (view != null) {
        drained.add(view);
      }
    });
    return drained;
  }

  @Override
  public Future<List<BreakerView>> load() {
    return redis.send(Request.cmd(Command.SMEMBERS).arg(state.key("{breakers}:targets")))
        .compose(ids -> ids.size() == 0 ? Future.succeededFuture((Response) null) : redis.send(mget(ids)))
        .timeout(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(this::views);
  }

  @Override
  public String channel() {
    return state.key("breakers");
  }

  @Override
  public BreakerView received(String message) {
    JsonObject json = parse(message);
    return json == null || instance.equals(json.getString("instance")) ? null : view(json);
  }

  private Request mget(Response ids) {
    Request request = Request.cmd(Command.MGET);
    ids.forEach(id -> request.arg(stateKey(id.toString())));
    return request;
  }

  /** The stored states; one a newer or broken instance wrote in another shape is skipped. */
  private List<BreakerView> views(Response states) {
    List<BreakerView> views = new ArrayList<>();
    if (states != null) {
      states.forEach(value -> {
        JsonObject json = value == null ? null : parse(value.toString());
        BreakerView view = json == null ? null : view(json);
        if (view != null) {
          views.add(view);
        }
      });
    }
    return views;
  }

  private JsonObject parse(String text) {
    try {
      return new JsonObject(text);
    } catch (DecodeException e) {
      LOG.warn("ignoring a malformed breaker state on {}: {}", channel(), e.getMessage());
      return null;
    }
  }

  private BreakerView view(JsonObject json) {
    try {
      return BreakerView.fromMessage(json);
    } catch (RuntimeException e) {
      LOG.warn("ignoring a malformed breaker state on {}: {}", channel(), e.getMessage());
      return null;
    }
  }

  private String stateKey(String id) {
    return state.key("{breakers}:" + id);
  }

  private static String id(BreakerView view) {
    return view.target().provider() + "/" + view.target().model();
  }
}
