package com.mas.gateway.cost;

import java.util.List;

/**
 * One budget a request counts against: a scope (the tenant, or one agent type within it) over
 * one period (a day or a month in the budget time zone), and the ledger key its spend lives
 * under. A period with no budget ({@code limit} 0) still records spend, for {@code /v1/usage}.
 *
 * @param agentType null for the tenant's own budget, else the agent type
 * @param daily a day, else a calendar month
 * @param label the period, {@code 2025-06-01} or {@code 2025-06}
 * @param key the ledger key (hash-tagged by tenant)
 * @param limit the budget in micro-dollars; 0 = none
 * @param alertPercents thresholds at which an alert fires once per period
 * @param endSecond when the period ends (epoch seconds)
 * @param expireAtSecond when the key may be dropped (epoch seconds), some time after the period
 * @param heldField the field of the in-flight total this period is checked against
 */
record BudgetPeriod(String agentType, boolean daily, String label, String key, long limit,
    List<Integer> alertPercents, long endSecond, long expireAtSecond, String heldField) {

  BudgetPeriod {
    alertPercents = List.copyOf(alertPercents);
  }

  /** "daily" or "monthly". */
  String kind() {
    return daily ? "daily" : "monthly";
  }

  /** Names the budget for people: {@code daily budget of tenant "acme"}. */
  String describe(String tenant) {
    return kind() + " budget of " + (agentType == null
        ? "tenant \"" + tenant + "\""
        : "agent type \"" + agentType + "\" in tenant \"" + tenant + "\"");
  }

  /** Names the budget for metrics and webhooks: {@code daily}, {@code agent/sales/monthly}. */
  String metricName() {
    return agentType == null ? kind() : "agent/" + agentType + "/" + kind();
  }
}
