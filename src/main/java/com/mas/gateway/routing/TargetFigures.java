package com.mas.gateway.routing;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * What routing has learned about one target, for the admin API.
 *
 * @param target the target
 * @param ttftEwmaMillis the moving average of its time to first event, in ms; NaN before its first answer
 * @param errorRate the moving average of its failures (0 to 1)
 * @param attempts the attempts reported
 * @param failures the failed attempts among them (rate limits included)
 * @param exhaustedUntilMillis epoch ms until which a rate limit takes it out of first place; 0 when it is not
 */
public record TargetFigures(Target target, double ttftEwmaMillis, double errorRate, long attempts, long failures,
    long exhaustedUntilMillis) {

  /** The figures as JSON; unknown values are null. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("provider", target.provider())
        .put("model", target.model())
        .put("ttftEwmaMs", Double.isNaN(ttftEwmaMillis) ? null : Math.round(ttftEwmaMillis * 10) / 10.0)
        .put("errorRate", Math.round(errorRate * 1000) / 1000.0)
        .put("attempts", attempts)
        .put("failures", failures)
        .put("exhaustedUntil",
            exhaustedUntilMillis == 0 ? null : Instant.ofEpochMilli(exhaustedUntilMillis).toString());
  }
}
