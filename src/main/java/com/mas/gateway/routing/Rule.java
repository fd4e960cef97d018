package com.mas.gateway.routing;

import com.mas.gateway.config.RuleMatch;
import java.util.List;
import java.util.Set;

/** A routing rule compiled for matching: its patterns as {@link Glob}s, and the route it yields. */
final class Rule {

  private final List<Glob> models;
  private final List<Glob> agentTypes;
  private final List<Glob> tenants;
  private final List<Glob> languages;
  private final Boolean images;
  private final Boolean tools;
  private final Boolean jsonOutput;
  private final Set<RuleMatch.Tier> tiers;
  private final Route route;

  Rule(RuleMatch match, Route route) {
    this.models = Glob.of(match.models());
    this.agentTypes = Glob.of(match.agentTypes());
    this.tenants = Glob.of(match.tenants());
    this.languages = Glob.ignoringCase(match.languages());
    this.images = match.images();
    this.tools = match.tools();
    this.jsonOutput = match.jsonOutput();
    this.tiers = match.tiers();
    this.route = route;
  }

  Route route() {
    return route;
  }

  /** True when every condition the rule sets holds for {@code request}, whose tier is {@code tier}. */
  boolean matches(RouteRequest request, RuleMatch.Tier tier) {
    return Glob.anyMatches(models, request.model())
        && Glob.anyMatches(agentTypes, request.agentType())
        && Glob.anyMatches(tenants, request.tenant())
        && Glob.anyMatches(languages, request.language())
        && holds(images, request.needs().vision())
        && holds(tools, request.needs().tools())
        && holds(jsonOutput, request.needs().jsonOutput())
        && (tiers.isEmpty() || tiers.contains(tier));
  }

  private static boolean holds(Boolean wanted, boolean actual) {
    return wanted == null || wanted == actual;
  }
}
