package com.mas.gateway.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tenant: its API keys (SHA-256 hashes, lowercase hex; plain keys never stay in memory past
 * loading), and what it may do.
 *
 * @param id unique tenant id, used in limits, budgets, metrics and the usage ledger
 * @param keySha256 hashes of the keys that authenticate it
 * @param disabledKeySha256 hashes of keys that are known but disabled (403, not 401)
 * @param suspended the whole tenant is refused (403)
 * @param allowedModels model names, aliases or {@code provider/model} ids it may use; empty
 *     means every model. An entry ending in {@code *} is a prefix.
 * @param limits its rate limits
 * @param agentLimits rate limits per agent type ({@code X-Agent-Type} or
 *     {@code metadata.agent_type}), on top of the tenant's
 * @param budgets its spending budgets
 * @param agentBudgets budgets per agent type, on top of the tenant's
 * @param responseScript whether its answers are held to the user's Chinese script (a route may say otherwise)
 */
public record TenantConfig(
    String id,
    List<String> keySha256,
    List<String> disabledKeySha256,
    boolean suspended,
    List<String> allowedModels,
    LimitConfig limits,
    Map<String, LimitConfig> agentLimits,
    BudgetConfig budgets,
    Map<String, BudgetConfig> agentBudgets,
    ResponseScript responseScript) {

  /** Answers as the provider writes them. */
  public TenantConfig(String id, List<String> keySha256, List<String> disabledKeySha256, boolean suspended,
      List<String> allowedModels, LimitConfig limits, Map<String, LimitConfig> agentLimits, BudgetConfig budgets,
      Map<String, BudgetConfig> agentBudgets) {
    this(id, keySha256, disabledKeySha256, suspended, allowedModels, limits, agentLimits, budgets, agentBudgets,
        ResponseScript.OFF);
  }

  /** A tenant with keys and nothing else: every model, no limits, no budgets. */
  public TenantConfig(String id, List<String> keySha256) {
    this(id, keySha256, List.of(), false, List.of(), LimitConfig.NONE, Map.of(), BudgetConfig.NONE, Map.of());
  }

  public TenantConfig {
    Objects.requireNonNull(id, "id");
    keySha256 = List.copyOf(keySha256);
    disabledKeySha256 = disabledKeySha256 == null ? List.of() : List.copyOf(disabledKeySha256);
    allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
    limits = limits == null ? LimitConfig.NONE : limits;
    agentLimits = agentLimits == null ? Map.of() : Map.copyOf(agentLimits);
    budgets = budgets == null ? BudgetConfig.NONE : budgets;
    agentBudgets = agentBudgets == null ? Map.of() : Map.copyOf(agentBudgets);
    responseScript = responseScript == null ? ResponseScript.OFF : responseScript;
  }
}
