package com.mas.gateway.routing;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.config.ModelCapabilities;
import com.mas.gateway.config.ResponseScript;
import com.mas.gateway.config.RouteConfig;
import com.mas.gateway.config.RouteTarget;
import com.mas.gateway.cost.PriceTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One route compiled for planning: its targets with what each can do, its strategy (whose state,
 * such as a weighted route's sequence, lives as long as the route) and its failover bounds.
 *
 * <p>Planning a request: a pinned route goes to its pin alone. Otherwise targets that cannot
 * serve the request are passed over, and targets an operator disabled are dropped; the ready ones
 * (breaker closed or provider forced on, no running rate limit) are ordered by the strategy, and
 * the rest follow in configured order: still tried, last, so that a route whose targets are all
 * down still tries something.
 */
final class Route {

  private final String name;
  private final List<Target> targets;
  private final List<ModelCapabilities> capabilities;
  private final Strategy strategy;
  private final boolean continuation;
  private final int maxAttempts;
  private final Duration deadline;
  private final ResponseScript responseScript;

  private Route(String name, List<Target> targets, ModelCatalog catalog, Strategy strategy, boolean continuation,
      int maxAttempts, Duration deadline, ResponseScript responseScript) {
    this.name = name;
    this.targets = List.copyOf(targets);
    List<ModelCapabilities> capabilities = new ArrayList<>(this.targets.size());
    for (Target target : this.targets) { // a loop: a single-target route is built for every request
      capabilities.add(catalog.capabilities(target));
    }
    this.capabilities = List.copyOf(capabilities);
    this.strategy = strategy;
    this.continuation = continuation;
    this.maxAttempts = maxAttempts;
    this.deadline = deadline;
    this.responseScript = responseScript;
  }

  /** A configured alias or rule. */
  static Route of(RouteConfig config, ModelCatalog catalog, TargetScores scores, PriceTable prices) {
    List<Target> targets = new ArrayList<>();
    Map<Target, Integer> weights = new HashMap<>();
    for (RouteTarget target : config.targets()) {
      Target t = new Target(target.provider(), target.model());
      targets.add(t);
      weights.put(t, target.weight());
    }
    Strategy strategy = switch (config.strategy()) {
      case PRIORITY -> Strategy.PRIORITY;
      case WEIGHTED -> new WeightedStrategy(weights);
      case LEAST_LATENCY -> new LeastLatencyStrategy(scores);
      case CHEAPEST -> new CheapestStrategy(prices, scores::now);
    };
    return new Route(config.name(), targets, catalog, strategy, config.continuation(),
        config.maxAttempts() > 0 ? config.maxAttempts() : RoutePlan.DEFAULT_MAX_ATTEMPTS,
        config.deadline() != null ? config.deadline() : RoutePlan.DEFAULT_DEADLINE, config.responseScript());
  }

  /** A model no rule or alias covers, resolved by the catalog: one target, nowhere to fail over to. */
  static Route single(String model, Target target, ModelCatalog catalog) {
    RoutePlan single = RoutePlan.single(model, target);
    return new Route(model, single.targets(), catalog, Strategy.PRIORITY, single.continuation(),
        single.maxAttempts(), single.deadline(), null);
  }

  String name() {
    return name;
  }

  List<Target> targets() {
    return targets;
  }

  /**
   * The plan for {@code request}. Throws the capability 400 when no target can serve it, and a 503
   * {@code no_available_target} when every target that could is disabled by an operator.
   */
  RoutePlan plan(RouteRequest request, Conditions conditions) {
    Target pin = conditions.overrides().pins().get(name);
    if (pin != null) {
      CapabilityCheck.require(request.needs(), conditions.catalog().capabilities(pin), pin);
      return plan(List.of(pin));
    }
    List<Target> ready = new ArrayList<>(targets.size());
    List<Target> held = List.of();
    int incapable = -1;
    boolean disabled = false;
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      if (!CapabilityCheck.serves(request.needs(), capabilities.get(i))) {
        incapable = incapable < 0 ? i : incapable;
      } else if (conditions.disabled(target)) {
        disabled = true;
      } else if (conditions.ready(target)) {
        ready.add(target);
      } else {
        held = held.isEmpty() ? new ArrayList<>(targets.size()) : held;
        held.add(target);
      }
    }
    if (ready.isEmpty() && held.isEmpty()) {
      throw disabled || incapable < 0 ? allDisabled()
          : CapabilityCheck.refusal(request.needs(), capabilities.get(incapable), targets.get(incapable));
    }
    if (!ready.isEmpty()) {
      strategy.order(ready, request);
    }
    ready.addAll(held);
    return plan(ready);
  }

  private RoutePlan plan(List<Target> ordered) {
    return new RoutePlan(name, ordered, continuation, maxAttempts, deadline, responseScript);
  }

  private GatewayException allDisabled() {
    return new GatewayException(503, "server_error", "no_available_target", null,
        "Every provider of route '" + name + "' is switched off by an operator.");
  }
}
