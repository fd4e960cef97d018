package com.mas.gateway.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code routing} section: aliases, rules and complexity tiers.
 *
 * <pre>
 * routing:
 *   tiers: {small: 2000, medium: 16000}       # estimated input tokens; above medium is large
 *   aliases:
 *     mas-fast:
 *       targets: [deepseek/deepseek-chat, openai/gpt-4o-mini]
 *       strategy: weighted                     # priority (default) | weighted | least-latency | cheapest
 *       weights: {deepseek/deepseek-chat: 90, openai/gpt-4o-mini: 10}
 *   rules:
 *     - name: compliance
 *       match: {agentType: compliance_review}
 *       targets: [anthropic/claude-sonnet-4-5, openai/gpt-4o]
 *     - match: {language: "zh-*"}
 *       alias: mas-chinese
 * </pre>
 *
 * A target whose provider is disabled for lack of a key is skipped with a warning, and a route
 * left without targets is skipped with a warning too (with every rule that names it), so one
 * file serves environments with different providers. Route and target syntax: {@link RouteSection}.
 */
final class RoutingSection {

  private RoutingSection() {}

  static RoutingConfig read(ConfigNode section, ProviderSection.Providers providers, List<ModelConfig> models,
      List<String> warnings) {
    if (!section.isPresent()) {
      return RoutingConfig.NONE;
    }
    section.mapping("aliases", "rules", "tiers");
    RouteSection routes = new RouteSection(providers, warnings);
    Set<String> skipped = new LinkedHashSet<>();
    Map<String, RouteConfig> aliases = aliases(section.get("aliases"), routes, models, skipped);
    List<RuleConfig> rules = rules(section.get("rules"), routes, aliases, skipped, warnings);
    ConfigNode tiers = section.get("tiers").mapping("small", "medium");
    long small = tiers.get("small").integer(RoutingConfig.DEFAULT_SMALL_TIER, 0, 100_000_000);
    long medium = tiers.get("medium").integer(Math.max(small, RoutingConfig.DEFAULT_MEDIUM_TIER), 0, 100_000_000);
    if (small > medium) {
      throw tiers.get("small").error("must not exceed tiers.medium (" + medium + ")");
    }
    return new RoutingConfig(aliases, rules, small, medium);
  }

  private static Map<String, RouteConfig> aliases(ConfigNode node, RouteSection routes, List<ModelConfig> models,
      Set<String> skipped) {
    Map<String, RouteConfig> aliases = new LinkedHashMap<>();
    node.entries().forEach((name, aliasNode) -> {
      if (!ConfigNode.isIdentifier(name)) {
        throw aliasNode.error("an alias must be " + ConfigNode.IDENTIFIER_RULE);
      }
      if (models.stream().anyMatch(model -> model.name().equals(name))) {
        throw aliasNode.error("alias " + Scalars.quote(name) + " is also a name in models; use one or the other");
      }
      aliasNode.mapping(RouteSection.KEYS);
      routes.read(aliasNode, name).ifPresentOrElse(route -> aliases.put(name, route), () -> skipped.add(name));
    });
    return aliases;
  }

  private static List<RuleConfig> rules(ConfigNode node, RouteSection routes, Map<String, RouteConfig> aliases,
      Set<String> skippedAliases, List<String> warnings) {
    List<RuleConfig> rules = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    List<ConfigNode> elements = node.elements();
    for (int i = 0; i < elements.size(); i++) {
      ConfigNode rule = elements.get(i);
      List<String> keys = new ArrayList<>(List.of(RouteSection.KEYS));
      keys.addAll(List.of("name", "match", "alias"));
      rule.mapping(keys.toArray(String[]::new));
      RuleMatch match = RuleSection.match(rule.get("match"));
      ConfigNode aliasNode = rule.get("alias");
      Optional<RouteConfig> route;
      if (aliasNode.isPresent()) {
        route = aliasRoute(rule, aliasNode, aliases, skippedAliases, warnings);
      } else {
        String name = ruleName(rule, i, names, aliases);
        route = routes.read(rule, name);
      }
      route.ifPresent(r -> rules.add(new RuleConfig(match, r)));
    }
    return rules;
  }

  /** The route of the alias a rule names; empty (with a warning) when that alias was skipped. */
  private static Optional<RouteConfig> aliasRoute(ConfigNode rule, ConfigNode aliasNode,
      Map<String, RouteConfig> aliases, Set<String> skippedAliases, List<String> warnings) {
    for (String key : RouteSection.KEYS) {
      if (rule.get(key).isPresent()) {
        throw rule.get(key).error("a rule takes either alias or its own route (targets, strategy, ...), not both");
      }
    }
    if (rule.get("name").isPresent()) {
      throw rule.get("name").error("a rule that names an alias routes under the alias's name");
    }
    String alias = aliasNode.nonBlankText();
    if (skippedAliases.contains(alias)) {
      warnings.add(rule.path() + ": rule skipped, alias " + Scalars.quote(alias) + " has no enabled target");
      return Optional.empty();
    }
    RouteConfig route = aliases.get(alias);
    if (route == null) {
      String known = aliases.isEmpty() ? "no aliases are defined" : "defined: " + String.join(", ", aliases.keySet());
      throw aliasNode.error("unknown alias " + Scalars.quote(alias) + "; " + known);
    }
    return Optional.of(route);
  }

  /** A rule's own name, else {@code rule-<n>} (1-based); unique among rules and aliases. */
  private static String ruleName(ConfigNode rule, int index, Set<String> names, Map<String, RouteConfig> aliases) {
    ConfigNode node = rule.get("name");
    String name = node.isPresent() ? node.identifier() : "rule-" + (index + 1);
    if (aliases.containsKey(name) || !names.add(name)) {
      throw (node.isPresent() ? node : rule).error("route name " + Scalars.quote(name) + " is already used");
    }
    return name;
  }
}
