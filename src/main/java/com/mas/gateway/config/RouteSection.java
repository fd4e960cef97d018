package com.mas.gateway.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the route of an alias or a rule:
 *
 * <pre>
 * targets: [deepseek/deepseek-chat, openai/gpt-4o-mini]   # provider/model, tried in the strategy's order
 * strategy: weighted                                     # priority (default) | weighted | least-latency | cheapest
 * weights: {deepseek/deepseek-chat: 90, openai/gpt-4o-mini: 10}   # weighted only, one per target
 * continuation: true                                     # continue a broken stream on the next target
 * maxAttempts: 3                                         # attempts over all targets (1-20)
 * deadline: 60s                                          # for all attempts together
 * </pre>
 *
 * A target must name a configured provider; one whose provider is disabled (no key) is skipped
 * with a warning, and a route left without targets is skipped with a warning.
 */
final class RouteSection {

  /** The keys of a route, in an alias or a rule. */
  static final String[] KEYS = {"targets", "strategy", "weights", "continuation", "maxAttempts", "deadline"};

  private static final int MAX_WEIGHT = 1_000_000;

  private final ProviderSection.Providers providers;
  private final List<String> warnings;

  RouteSection(ProviderSection.Providers providers, List<String> warnings) {
    this.providers = providers;
    this.warnings = warnings;
  }

  /** The route under {@code name}, or empty when none of its targets' providers is enabled. */
  Optional<RouteConfig> read(ConfigNode node, String name) {
    RouteStrategy strategy = strategy(node.get("strategy"));
    List<RouteTarget> targets = targets(node, strategy);
    if (targets.isEmpty()) {
      warnings.add(node.path() + ": route " + Scalars.quote(name) + " skipped, all its providers are disabled");
      return Optional.empty();
    }
    return Optional.of(new RouteConfig(name, targets, strategy, node.get("continuation").bool(true),
        (int) node.get("maxAttempts").integer(0, 1, 20), node.get("deadline").positiveDuration(null)));
  }

  private static RouteStrategy strategy(ConfigNode node) {
    if (!node.isPresent()) {
      return RouteStrategy.PRIORITY;
    }
    RouteStrategy strategy = RouteStrategy.parse(node.text());
    if (strategy == null) {
      throw node.error("unknown strategy " + Scalars.quote(node.text()) + "; expected one of " + RouteStrategy.names());
    }
    return strategy;
  }

  /** The targets whose provider is enabled, with their weights when the strategy is weighted. */
  private List<RouteTarget> targets(ConfigNode node, RouteStrategy strategy) {
    ConfigNode list = node.get("targets");
    List<ConfigNode> elements = list.elements();
    if (elements.isEmpty()) {
      throw list.error("required: at least one provider/model target");
    }
    ConfigNode weights = weights(node.get("weights"), strategy);
    Set<String> ids = new LinkedHashSet<>();
    List<RouteTarget> enabled = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (ConfigNode element : elements) {
      RouteTarget target = target(element, weights);
      if (!ids.add(target.id())) {
        throw element.error("duplicate target " + Scalars.quote(target.id()));
      }
      if (providers.enabled().containsKey(target.provider())) {
        enabled.add(target);
      } else {
        skipped.add(target.id());
      }
    }
    checkWeightKeys(weights, ids);
    if (!skipped.isEmpty() && !enabled.isEmpty()) {
      warnings.add(list.path() + ": " + String.join(", ", skipped) + " skipped, provider disabled");
    }
    return enabled;
  }

  private static ConfigNode weights(ConfigNode weights, RouteStrategy strategy) {
    if (strategy == RouteStrategy.WEIGHTED && !weights.isPresent()) {
      throw weights.error("required for strategy weighted: a weight for each target");
    }
    if (strategy != RouteStrategy.WEIGHTED && weights.isPresent()) {
      throw weights.error("only used with strategy: weighted");
    }
    return weights;
  }

  private RouteTarget target(ConfigNode element, ConfigNode weights) {
    String id = element.nonBlankText().trim();
    int slash = id.indexOf('/');
    if (slash <= 0 || slash == id.length() - 1) {
      throw element.error("expected provider/model, got " + Scalars.quote(id));
    }
    String provider = id.substring(0, slash);
    if (!providers.enabled().containsKey(provider) && !providers.disabled().contains(provider)) {
      throw element.error(YamlConfigReader.unknownProvider(provider, providers));
    }
    int weight = 0;
    if (weights.isPresent()) {
      ConfigNode weightNode = weights.get(id);
      if (!weightNode.isPresent()) {
        throw weights.error("no weight for target " + Scalars.quote(id));
      }
      weight = (int) weightNode.integer(0, 0, MAX_WEIGHT);
    }
    return new RouteTarget(provider, id.substring(slash + 1), weight);
  }

  private static void checkWeightKeys(ConfigNode weights, Set<String> ids) {
    long total = 0;
    for (var entry : weights.entries().entrySet()) {
      if (!ids.contains(entry.getKey())) {
        throw entry.getValue().error("not one of this route's targets");
      }
      total += entry.getValue().integer(0, 0, MAX_WEIGHT);
    }
    if (weights.isPresent() && total == 0) {
      throw weights.error("at least one weight must be above zero");
    }
  }
}
