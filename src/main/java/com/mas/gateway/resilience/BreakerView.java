package com.mas.gateway.resilience;

import com.mas.gateway.routing.Target;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * What one target's breaker says at a moment: for the admin API, and as the message instances
 * share through Redis.
 *
 * @param target the provider/model the breaker guards
 * @param state {@link #CLOSED}, {@link #OPEN} or {@link #HALF_OPEN}
 * @param openings openings in a row without a success in between (0 when closed); each lasts longer
 * @param trialAtMillis when the next trial is due (epoch ms), 0 when closed
 */
public record BreakerView(Target target, String state, int openings, long trialAtMillis) {

  public static final String CLOSED = "closed";
  public static final String OPEN = "open";
  public static final String HALF_OPEN = "half_open";

  static BreakerView closed(Target target) {
    return new BreakerView(target, CLOSED, 0, 0);
  }

  public boolean open() {
    return OPEN.equals(state);
  }

  /** The admin API's form: state, openings and the next trial as an ISO-8601 instant (null when closed). */
  public JsonObject toJson() {
    return new JsonObject().put("state", state).put("openings", openings)
        .put("nextTrial", trialAtMillis == 0 ? null : Instant.ofEpochMilli(trialAtMillis).toString());
  }

  /** The Redis message form, tagged with the instance that made the change. */
  JsonObject toMessage(String instance) {
    return new JsonObject().put("instance", instance).put("provider", target.provider()).put("model", target.model())
        .put("state", state).put("openings", openings).put("trialAt", trialAtMillis);
  }

  /** Reads {@link #toMessage}; throws a {@link RuntimeException} on a malformed message. */
  static BreakerView fromMessage(JsonObject message) {
    String provider = message.getString("provider");
    String model = message.getString("model");
    String state = message.getString("state");
    if (provider == null || model == null || !(OPEN.equals(state) || CLOSED.equals(state))) {
      throw new IllegalArgumentException("not a breaker state: " + message.encode());
    }
    return new BreakerView(new Target(provider, model), state, message.getInteger("openings", 0),
        message.getLong("trialAt", 0L));
  }
}
