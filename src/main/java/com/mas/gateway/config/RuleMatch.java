package com.mas.gateway.config;

import java.util.List;
import java.util.Set;

/**
 * What a routing rule matches. Every condition that is set must hold; an empty list or a null
 * flag matches anything. Patterns are exact values or globs where {@code *} stands for any run of
 * characters ({@code mas-*}, {@code zh-*}); a list matches when any of its patterns does.
 *
 * @param models patterns for the model or alias the client asked for
 * @param agentTypes patterns for the declared agent type (lowercase)
 * @param tenants patterns for the tenant id
 * @param languages patterns for the detected language tag ({@code und} when unknown)
 * @param images when set, whether the request has image input
 * @param tools when set, whether the request offers tools
 * @param jsonOutput when set, whether the request asks for JSON output
 * @param tiers the complexity tiers (by estimated input tokens) matched; empty for any
 */
public record RuleMatch(List<String> models, List<String> agentTypes, List<String> tenants, List<String> languages,
    Boolean images, Boolean tools, Boolean jsonOutput, Set<Tier> tiers) {

  /** Complexity by estimated input tokens, cut where {@link RoutingConfig#tier} says. */
  public enum Tier { SMALL, MEDIUM, LARGE }

  /** Matches every request. */
  public static final RuleMatch ANY = new RuleMatch(List.of(), List.of(), List.of(), List.of(), null, null, null,
      Set.of());

  public RuleMatch {
    models = List.copyOf(models);
    agentTypes = List.copyOf(agentTypes);
    tenants = List.copyOf(tenants);
    languages = List.copyOf(languages);
    tiers = Set.copyOf(tiers);
  }
}
