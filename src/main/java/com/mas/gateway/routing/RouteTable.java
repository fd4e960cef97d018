package com.mas.gateway.routing;

import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.config.RouteConfig;
import com.mas.gateway.config.RoutingConfig;
import com.mas.gateway.config.RuleConfig;
import com.mas.gateway.config.RuleMatch;
import com.mas.gateway.cost.PriceTable;
import com.mas.gateway.resilience.AttemptGuard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of routing, as {@link RouterVerticle} publishes it and every gateway event
 * loop reads it without locks. A request's route is, in this order:
 * <ol>
 *   <li>the route of the first rule that matches it;
 *   <li>the alias it names as its model;
 *   <li>else the {@link ModelCatalog}'s target for the model, alone (today's resolution).
 * </ol>
 * The route then plans the request against the snapshot's overrides and the live breakers and
 * scores (see {@link Route}).
 */
public final class RouteTable {

  private final List<Rule> rules;
  private final Map<String, Route> aliases;
  private final RoutingConfig config;
  private final Conditions conditions;

  private RouteTable(List<Rule> rules, Map<String, Route> aliases, RoutingConfig config, Conditions conditions) {
    this.rules = rules;
    this.aliases = aliases;
    this.config = config;
    this.conditions = conditions;
  }

  /** Compiles the configured rules and aliases; strategies keep their state in the result. */
  static RouteTable compile(GatewayConfig config, TargetScores scores, AttemptGuard guard) {
    ModelCatalog catalog = new ModelCatalog(config);
    PriceTable prices = new PriceTable(config.pricing());
    Map<String, Route> aliases = new LinkedHashMap<>();
    config.routing().aliases().forEach((name, route) -> aliases.put(name, Route.of(route, catalog, scores, prices)));
    List<Rule> rules = new ArrayList<>();
    for (RuleConfig rule : config.routing().rules()) {
      RouteConfig route = rule.route();
      Route shared = aliases.get(route.name());
      // A rule that names an alias shares the alias's route, and so its strategy's state.
      boolean alias = shared != null && route.equals(config.routing().aliases().get(route.name()));
      rules.add(new Rule(rule.match(), alias ? shared : Route.of(route, catalog, scores, prices)));
    }
    return new RouteTable(List.copyOf(rules), Collections.unmodifiableMap(aliases), config.routing(),
        new Conditions(Overrides.NONE, guard, scores, catalog));
  }

  /**
   * Where {@code request} may go. Throws a {@link com.mas.gateway.api.GatewayException}: 404 for a
   * model nothing serves, the capability 400 when no target of the route can serve the request,
   * 503 when an operator switched off every provider of the route.
   */
  public RoutePlan plan(RouteRequest request) {
    RuleMatch.Tier tier = config.tier(request.inputTokens());
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (rule.matches(request, tier)) {
        return rule.route().plan(request, conditions);
      }
    }
    Route alias = aliases.get(request.model());
    if (alias != null) {
      return alias.plan(request, conditions);
    }
    Target target = conditions.catalog().resolve(request.model());
    return Route.single(request.model(), target, conditions.catalog()).plan(request, conditions);
  }

  /** The configured aliases with their targets, in declaration order (for {@code GET /v1/models}). */
  public Map<String, List<Target>> aliases() {
    Map<String, List<Target>> targets = new LinkedHashMap<>();
    aliases.forEach((name, route) -> targets.put(name, route.targets()));
    return targets;
  }

  /** The catalog the fallback resolution uses. */
  public ModelCatalog catalog() {
    return conditions.catalog();
  }

  public Overrides overrides() {
    return conditions.overrides();
  }

  /** Every target some alias or rule names. */
  Set<Target> targets() {
    Set<Target> targets = new LinkedHashSet<>();
    aliases.values().forEach(route -> targets.addAll(route.targets()));
    rules.forEach(rule -> targets.addAll(rule.route().targets()));
    return targets;
  }

  /** This table under other overrides; rules and strategy state are shared. */
  RouteTable with(Overrides overrides) {
    return new RouteTable(rules, aliases, config, conditions.with(overrides));
  }
}
