package com.mas.gateway.resilience;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.routing.Overrides;
import com.mas.gateway.routing.Target;
import com.mas.gateway.state.LuaScript;
import com.mas.gateway.state.SharedState;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The operator overrides (providers forced off or on, routes pinned to one target), the same on
 * every instance. With Redis they live in the hash {@code <prefix>{overrides}}; a change is made
 * and announced on channel {@code <prefix>overrides} in one script ({@code overrides_apply.lua}),
 * and every instance re-reads the hash when it hears of one, so all apply it within a second; a
 * new instance reads the hash at start. Without Redis they are this process's own. Listeners
 * (the router, the breakers) get every new set, on the thread that learnt it.
 */
public final class OverrideStore {

  private static final LuaScript APPLY = LuaScript.load("overrides_apply");
  private static final long COMMAND_TIMEOUT_MS = 1000;
  private static final String PROVIDER = "provider:";
  private static final String PIN = "pin:";

  private final SharedState state;
  private final Redis redis;
  private final String instance = UUID.randomUUID().toString();
  private final Map<String, String> localFields = new LinkedHashMap<>();
  private final List<Consumer<Overrides>> listeners = new CopyOnWriteArrayList<>();
  private volatile Overrides current = Overrides.NONE;

  public OverrideStore(SharedState state) {
    this.state = state;
    this.redis = state.redis().orElse(null);
  }

  /** Adds a listener and tells it the overrides in force now. */
  public void listen(Consumer<Overrides> listener) {
    listeners.add(listener);
    listener.accept(current);
  }

  public Overrides current() {
    return current;
  }

  /** Forces {@code provider} off: no request goes to it. */
  public Future<Overrides> disable(String provider) {
    return set(PROVIDER + provider, "disabled");
  }

  /** Forces {@code provider} on: used even while its breakers are open. */
  public Future<Overrides> force(String provider) {
    return set(PROVIDER + provider, "forced");
  }

  /** Sends every request of {@code route} to {@code target}. */
  public Future<Overrides> pin(String route, Target target) {
    return set(PIN + route, target.provider() + "/" + target.model());
  }

  /** Removes every override. Fails with a 503 while Redis (when configured) does not answer. */
  public Future<Overrides> clear() {
    return change("clear", "", "");
  }

  /** The channel changes are announced on; null without Redis. */
  public String channel() {
    return redis == null ? null : state.key("overrides");
  }

  /** Reads the stored overrides (at start, after a reconnect, when a change was announced). */
  public Future<Overrides> load() {
    if (redis == null) {
      return Future.succeededFuture(current);
    }
    return redis.send(Request.cmd(Command.HGETALL).arg(key()))
        .timeout(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(this::applyStored);
  }

  private Future<Overrides> set(String field, String value) {
    return change("set", field, value);
  }

  /** Local changes cannot fail; shared ones fail with 503 when Redis does not answer, and then change nothing. */
  private Future<Overrides> change(String op, String field, String value) {
    if (redis == null) {
      synchronized (localFields) {
        if (op.equals("clear")) {
          localFields.clear();
        } else {
          localFields.put(field, value);
        }
        return Future.succeededFuture(apply(parse(localFields)));
      }
    }
    return APPLY.run(redis, List.of(key()), List.of(op, field, value, channel(), instance))
        .timeout(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(this::applyStored)
        .recover(failure -> Future.failedFuture(new GatewayException(503, "server_error", "overrides_unavailable",
            null, "The override could not be shared with the other instances (Redis does not answer: "
                + failure.getMessage() + "); nothing was changed.")));
  }

  private Overrides applyStored(Response hash) {
    Map<String, String> fields = new HashMap<>();
    if (hash.isMap()) {
      hash.getKeys().forEach(k -> fields.put(k, hash.get(k).toString()));
    } else {
      for (int i = 0; i + 1 < hash.size(); i += 2) {
        fields.put(hash.get(i).toString(), hash.get(i + 1).toString());
      }
    }
    return apply(parse(fields));
  }

  private Overrides apply(Overrides next) {
    current = next;
    listeners.forEach(listener -> listener.accept(next));
    return next;
  }

  /** Fields this version does not know (written by a newer one) are skipped. */
  static Overrides parse(Map<String, String> fields) {
    Set<String> disabled = new HashSet<>();
    Set<String> forced = new HashSet<>();
    Map<String, Target> pins = new HashMap<>();
    fields.forEach((field, value) -> {
      if (field.startsWith(PROVIDER) && value.equals("disabled")) {
        disabled.add(field.substring(PROVIDER.length()));
      } else if (field.startsWith(PROVIDER) && value.equals("forced")) {
        forced.add(field.substring(PROVIDER.length()));
      } else if (field.startsWith(PIN) && value.indexOf('/') > 0) {
        int slash = value.indexOf('/');
        pins.put(field.substring(PIN.length()), new Target(value.substring(0, slash), value.substring(slash + 1)));
      }
    });
    return new Overrides(disabled, forced, pins);
  }

  private String key() {
    return state.key("{overrides}");
  }
}
