package com.mas.gateway.routing;

import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.resilience.AttemptFeedback;
import com.mas.gateway.resilience.AttemptGuard;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Owns routing: the compiled rules and aliases, the live target scores and the operator
 * overrides. It publishes an immutable {@link RouteTable} through one atomic reference; the
 * gateway verticles on every event loop read it per request without locks, and a new snapshot
 * (new overrides) is seen by the next request on every loop. The scores are fed by the
 * dispatcher through {@link #feedback()} from any loop, lock-free.
 *
 * <p>Deployed once; while deployed it exports each configured target's figures as gauges
 * ({@value #TTFT_GAUGE}, {@value #ERROR_GAUGE}, tagged by provider and model).
 */
public final class RouterVerticle extends VerticleBase {

  public static final String TTFT_GAUGE = "mas_gateway_route_ttft_ewma_seconds";
  public static final String ERROR_GAUGE = "mas_gateway_route_error_rate";

  private final TargetScores scores;
  private final AtomicReference<RouteTable> table;
  private final MeterRegistry registry;
  private final List<Meter> gauges = new ArrayList<>();

  public RouterVerticle(GatewayConfig config, AttemptGuard guard, MeterRegistry registry) {
    this(config, guard, registry, System::currentTimeMillis);
  }

  /** {@code clock} gives epoch milliseconds (rate-limit resets, price windows); tests pass their own. */
  public RouterVerticle(GatewayConfig config, AttemptGuard guard, MeterRegistry registry, LongSupplier clock) {
    this.scores = new TargetScores(clock);
    this.table = new AtomicReference<>(RouteTable.compile(config, scores, guard));
    this.registry = registry;
    scores.register(table.get().targets());
  }

  /** The routing snapshot in force: read it once per request. */
  public RouteTable routes() {
    return table.get();
  }

  /** Publishes a snapshot with {@code overrides} in place of the current ones. Thread-safe. */
  public void overrides(Overrides overrides) {
    table.updateAndGet(current -> current.with(overrides));
  }

  /** What the dispatcher reports each attempt to. */
  public AttemptFeedback feedback() {
    return scores;
  }

  /** Per target: EWMA time to first event, error rate, attempts, rate-limited until. */
  public List<TargetFigures> figures() {
    return scores.figures();
  }

  /** {@link #figures()} and the overrides in force, for the admin API. */
  public JsonObject report() {
    JsonArray targets = new JsonArray();
    figures().forEach(f -> targets.add(f.toJson()));
    Overrides overrides = table.get().overrides();
    JsonObject pins = new JsonObject();
    overrides.pins().forEach((route, t) -> pins.put(route, t.provider() + "/" + t.model()));
    return new JsonObject().put("targets", targets).put("overrides", new JsonObject()
        .put("disabledProviders", new JsonArray(List.copyOf(overrides.disabledProviders())))
        .put("forcedProviders", new JsonArray(List.copyOf(overrides.forcedProviders())))
        .put("pins", pins));
  }

  @Override
  public Future<?> start() {
    for (Target target : table.get().targets()) {
      TargetScore score = scores.score(target);
      gauges.add(Gauge.builder(TTFT_GAUGE, score, s -> s.latencyMillis() / 1000).tags(tags(target))
          .description("Moving average of the time to first event, as routing sees it").register(registry));
      gauges.add(Gauge.builder(ERROR_GAUGE, score, TargetScore::errorRate).tags(tags(target))
          .description("Moving average of failed attempts (0 to 1)").register(registry));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    gauges.forEach(registry::remove);
    gauges.clear();
    return Future.succeededFuture();
  }

  private static String[] tags(Target target) {
    return new String[] {"provider", target.provider(), "model", target.model()};
  }
}
