package com.mas.gateway.admin;

import com.mas.gateway.resilience.BreakerView;
import com.mas.gateway.resilience.SharedControls;
import com.mas.gateway.routing.Overrides;
import com.mas.gateway.routing.Target;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/** The JSON of {@code GET /admin/targets} and of the overrides. */
final class TargetListing {

  private static final Comparator<Target> ORDER =
      Comparator.comparing(Target::provider).thenComparing(Target::model);

  private final SharedControls controls;
  private final Supplier<Collection<Target>> targets;
  private final Function<Target, JsonObject> scores;

  TargetListing(SharedControls controls, Supplier<Collection<Target>> targets, Function<Target, JsonObject> scores) {
    this.controls = controls;
    this.targets = targets;
    this.scores = scores;
  }

  /** Every known target, by provider then model: breaker, the override on its provider, its scores. */
  JsonObject targets() {
    TreeSet<Target> all = new TreeSet<>(ORDER);
    all.addAll(targets.get());
    controls.breakers().views().forEach(view -> all.add(view.target()));
    Overrides overrides = controls.overrides().current();
    JsonArray data = new JsonArray();
    for (Target target : all) {
      BreakerView breaker = controls.breakers().view(target);
      JsonObject scored = scores.apply(target);
      data.add(new JsonObject()
          .put("id", target.provider() + "/" + target.model())
          .put("provider", target.provider())
          .put("model", target.model())
          .put("breaker", breaker.toJson())
          .put("override", override(overrides, target.provider()))
          .put("scores", scored == null ? new JsonObject() : scored));
    }
    return new JsonObject().put("object", "list").put("data", data);
  }

  static JsonObject toJson(Overrides overrides) {
    JsonObject pins = new JsonObject();
    overrides.pins().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(pin -> pins.put(pin.getKey(), pin.getValue().provider() + "/" + pin.getValue().model()));
    return new JsonObject()
        .put("disabledProviders", new JsonArray(overrides.disabledProviders().stream().sorted().toList()))
        .put("forcedProviders", new JsonArray(overrides.forcedProviders().stream().sorted().toList()))
        .put("pins", pins);
  }

  private static String override(Overrides overrides, String provider) {
    if (overrides.disabledProviders().contains(provider)) {
      return "disabled";
    }
    return overrides.forcedProviders().contains(provider) ? "forced" : null;
  }
}
