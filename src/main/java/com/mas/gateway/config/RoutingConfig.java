package com.mas.gateway.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code routing} section: named aliases, and rules tried in order before them.
 *
 * @param aliases routes clients name as {@code model}, by alias, in declaration order
 * @param rules rules in order; the first that matches a request decides its route
 * @param smallTierTokens estimated input tokens up to which a request is in tier {@code small}
 * @param mediumTierTokens estimated input tokens up to which a request is in tier {@code medium}; above, {@code large}
 */
public record RoutingConfig(Map<String, RouteConfig> aliases, List<RuleConfig> rules, long smallTierTokens,
    long mediumTierTokens) {

  public static final long DEFAULT_SMALL_TIER = 2_000;
  public static final long DEFAULT_MEDIUM_TIER = 16_000;

  /** No aliases and no rules: every model resolves as the model catalog says. */
  public static final RoutingConfig NONE = new RoutingConfig(Map.of(), List.of(), DEFAULT_SMALL_TIER,
      DEFAULT_MEDIUM_TIER);

  public RoutingConfig {
    aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    rules = List.copyOf(rules);
    if (smallTierTokens > mediumTierTokens) {
      throw new IllegalArgumentException("the small tier must not end above the medium tier");
    }
  }

  /** The tier of a request with {@code inputTokens} estimated input tokens. */
  public RuleMatch.Tier tier(long inputTokens) {
    if (inputTokens <= smallTierTokens) {
      return RuleMatch.Tier.SMALL;
    }
    return inputTokens <= mediumTierTokens ? RuleMatch.Tier.MEDIUM : RuleMatch.Tier.LARGE;
  }
}
