package com.mas.gateway.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a tenant may do, as its entry in the {@code tenants} section says: {@code allowedModels},
 * {@code limits}, {@code budgets} and per agent type {@code agents.<type>.limits|budgets}.
 *
 * <p>Money is written in USD, as a YAML number ({@code 5.00}) or a string ({@code "5.00"}), and
 * converted exactly to integer micro-dollars: the YAML reader hands decimals over as {@code
 * BigDecimal} and nothing passes through a binary {@code double}. More than six decimal places
 * (finer than a micro-dollar) is an error rather than a silent rounding.
 */
final class TenantRules {

  /** Per-agent-type limits and budgets, keyed by the lowercased agent type. */
  record AgentRules(Map<String, LimitConfig> limits, Map<String, BudgetConfig> budgets) {}

  /** Counters stay below 2^53, where Redis Lua numbers (doubles) are still exact. */
  static final long MAX_LIMIT = 1_000_000_000_000L;

  /** One billion dollars: 10^15 micro-dollars, also below 2^53. */
  static final BigDecimal MAX_USD = BigDecimal.valueOf(1_000_000_000L);


  private TenantRules() {}

  /** {@code allowedModels}: names, aliases, {@code provider/model} ids or prefixes ending in '*'. */
  static List<String> allowedModels(ConfigNode section) {
    LinkedHashSet<String> models = new LinkedHashSet<>();
    for (ConfigNode node : section.elements()) {
      String entry = node.nonBlankText().trim();
      int star = entry.indexOf('*');
      if (star >= 0 && star != entry.length() - 1) {
        throw node.error("'*' may only end an entry (a prefix such as \"gpt-4o*\"), got "
            + Scalars.quote(entry));
      }
      models.add(entry);
    }
    return List.copyOf(models);
  }

  /** {@code limits}; absent means none. Zero means no limit. */
  static LimitConfig limits(ConfigNode node) {
    node.mapping("requestsPerMinute", "tokensPerMinute", "concurrentStreams");
    return new LimitConfig(
        node.get("requestsPerMinute").integer(0, 0, MAX_LIMIT),
        node.get("tokensPerMinute").integer(0, 0, MAX_LIMIT),
        node.get("concurrentStreams").integer(0, 0, MAX_LIMIT));
  }

  /** {@code budgets}; absent means none. Zero means no budget for that period. */
  static BudgetConfig budgets(ConfigNode node) {
    node.mapping("daily", "monthly", "alerts");
    ConfigNode daily = node.get("daily");
    ConfigNode monthly = node.get("monthly");
    return new BudgetConfig(
        daily.isPresent() ? usdMicros(daily) : 0,
        monthly.isPresent() ? usdMicros(monthly) : 0,
        alerts(node.get("alerts")));
  }

  /** {@code agents}: a mapping from agent type to its own {@code limits} and {@code budgets}. */
  static AgentRules agents(ConfigNode section) {
    Map<String, LimitConfig> limits = new LinkedHashMap<>();
    Map<String, BudgetConfig> budgets = new LinkedHashMap<>();
    Map<String, String> spelledAs = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> entry : section.entries().entrySet()) {
      ConfigNode agent = entry.getValue().mapping("limits", "budgets");
      String type = agentType(entry.getKey(), agent, spelledAs);
      if (agent.get("limits").isPresent()) {
        limits.put(type, limits(agent.get("limits")));
      }
      if (agent.get("budgets").isPresent()) {
        budgets.put(type, budgets(agent.get("budgets")));
      }
    }
    return new AgentRules(limits, budgets);
  }

  /** USD as exact integer micro-dollars, at most {@link #MAX_USD}. */
  static long usdMicros(ConfigNode node) {
    return UsdAmounts.micros(node, MAX_USD.movePointRight(6).longValueExact());
  }

  /** Whole percents of a budget, 1 to 100, each once; absent means 50, 80, 100. */
  private static List<Integer> alerts(ConfigNode section) {
    if (!section.isPresent()) {
      return BudgetConfig.DEFAULT_ALERTS;
    }
    TreeSet<Integer> percents = new TreeSet<>();
    for (ConfigNode node : section.elements()) {
      int percent = (int) node.integer(0, 1, 100);
      if (!percents.add(percent)) {
        throw node.error("duplicate alert threshold " + percent);
      }
    }
    return new ArrayList<>(percents);
  }

  /** Agent types match the lowercased {@code X-Agent-Type}, so keys are lowercased too. */
  private static String agentType(String key, ConfigNode agent, Map<String, String> spelledAs) {
    if (!ConfigNode.isIdentifier(key)) {
      throw agent.error("expected an agent type: " + ConfigNode.IDENTIFIER_RULE);
    }
    String type = key.toLowerCase(Locale.ROOT);
    String earlier = spelledAs.putIfAbsent(type, key);
    if (earlier != null) {
      throw agent.error("agent type " + Scalars.quote(type) + " is already configured as "
          + Scalars.quote(earlier) + " (agent types are matched in lowercase)");
    }
    return type;
  }
}
