package com.mas.gateway.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a routing rule's {@code match}. Each condition is optional; a pattern condition takes one
 * pattern or a list of them:
 *
 * <pre>
 * match:
 *   model: ["mas-*", gpt-4o]          # the model or alias asked for; * stands for any characters
 *   agentType: compliance_review      # X-Agent-Type or metadata.agent_type (compared in lowercase)
 *   tenant: cosmetics-cs
 *   language: "zh-*"                  # the detected language tag (und until detection runs)
 *   features: {images: true, tools: false, jsonOutput: true, tier: [medium, large]}
 * </pre>
 */
final class RuleSection {

  private RuleSection() {}

  static RuleMatch match(ConfigNode node) {
    node.mapping("model", "agentType", "tenant", "language", "features");
    ConfigNode features = node.get("features").mapping("images", "tools", "jsonOutput", "tier");
    return new RuleMatch(
        patterns(node.get("model"), false),
        patterns(node.get("agentType"), true),
        patterns(node.get("tenant"), false),
        patterns(node.get("language"), false),
        flag(features.get("images")),
        flag(features.get("tools")),
        flag(features.get("jsonOutput")),
        tiers(features.get("tier")));
  }

  /** One pattern or a list of them; agent types are lowercased, as requests' are. */
  private static List<String> patterns(ConfigNode node, boolean lowercase) {
    List<ConfigNode> items = node.isList() ? node.elements() : node.isPresent() ? List.of(node) : List.of();
    if (node.isList() && items.isEmpty()) {
      throw node.error("must not be empty; omit the condition to match anything");
    }
    return items.stream()
        .map(item -> item.nonBlankText().trim())
        .map(text -> lowercase ? text.toLowerCase(Locale.ROOT) : text)
        .toList();
  }

  private static Boolean flag(ConfigNode node) {
    return node.isPresent() ? node.bool(false) : null;
  }

  private static Set<RuleMatch.Tier> tiers(ConfigNode node) {
    Set<RuleMatch.Tier> tiers = EnumSet.noneOf(RuleMatch.Tier.class);
    for (String name : patterns(node, true)) {
      try {
        tiers.add(RuleMatch.Tier.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw node.error("expected small, medium or large, got " + Scalars.quote(name));
      }
    }
    return tiers;
  }
}
