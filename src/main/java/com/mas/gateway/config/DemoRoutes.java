package com.mas.gateway.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routing of demo mode: the agent profiles and aliases of {@code conf/gateway.yaml}, over the
 * simulated providers, so routing and failover can be watched without a provider key.
 * {@code conf/demo.yaml} writes out the same section.
 */
final class DemoRoutes {

  private DemoRoutes() {}

  static RoutingConfig routing() {
    Map<String, RouteConfig> aliases = new LinkedHashMap<>();
    alias(aliases, route("mas-reasoning", RouteStrategy.PRIORITY,
        "anthropic/sim-claude", "openai/sim-gpt", "deepseek/deepseek-chat"));
    alias(aliases, route("mas-fast", RouteStrategy.LEAST_LATENCY,
        "openai/sim-fast", "deepseek/deepseek-chat", "gemini/sim-gemini"));
    alias(aliases, route("mas-chinese", RouteStrategy.PRIORITY,
        "deepseek/deepseek-chat", "openai/sim-gpt", "anthropic/sim-claude"));
    alias(aliases, route("mas-vision", RouteStrategy.PRIORITY,
        "gemini/sim-gemini", "anthropic/sim-claude", "openai/sim-gpt"));
    List<RuleConfig> rules = List.of(
        agent(route("compliance-review", RouteStrategy.PRIORITY,
            "anthropic/sim-claude", "openai/sim-gpt", "gemini/sim-gemini"), "compliance_review", "compliance-review"),
        agent(route("sentiment-analysis", RouteStrategy.PRIORITY,
            "gemini/sim-gemini", "openai/sim-fast", "deepseek/deepseek-chat"),
            "sentiment_analysis", "sentiment-analysis"),
        agent(route("product-expert", RouteStrategy.PRIORITY,
            "deepseek/deepseek-chat", "anthropic/sim-claude", "openai/sim-gpt"), "product_expert", "product-expert"),
        agent(route("sales", RouteStrategy.CHEAPEST,
            "openai/sim-fast", "deepseek/deepseek-chat", "gemini/sim-gemini"), "sales"),
        new RuleConfig(new RuleMatch(List.of(), List.of(), List.of(), List.of("zh-*"), null, null, null, Set.of()),
            aliases.get("mas-chinese")));
    return new RoutingConfig(aliases, rules, RoutingConfig.DEFAULT_SMALL_TIER, RoutingConfig.DEFAULT_MEDIUM_TIER);
  }

  private static void alias(Map<String, RouteConfig> aliases, RouteConfig route) {
    aliases.put(route.name(), route);
  }

  private static RuleConfig agent(RouteConfig route, String... agentTypes) {
    return new RuleConfig(new RuleMatch(List.of(), Arrays.asList(agentTypes), List.of(), List.of(), null, null, null,
        Set.of()), route);
  }

  private static RouteConfig route(String name, RouteStrategy strategy, String... targets) {
    List<RouteTarget> list = Arrays.stream(targets).map(id -> {
      int slash = id.indexOf('/');
      return new RouteTarget(id.substring(0, slash), id.substring(slash + 1), 0);
    }).toList();
    return new RouteConfig(name, list, strategy, true, 0, null);
  }
}
