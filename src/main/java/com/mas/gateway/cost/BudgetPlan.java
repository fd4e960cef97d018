package com.mas.gateway.cost;

import com.mas.gateway.config.BudgetConfig;
import com.mas.gateway.config.TenantConfig;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The budgets one request is held to and where they live: the tenant's day and month, and its
 * agent type's day and month when the tenant configures a budget for that agent type. Periods
 * are the day and month of the request's start in the budget time zone, as this instance's
 * clock reads it (NTP-synchronised clocks disagree by milliseconds at midnight, which only
 * decides which day a request counts towards); reservation expiry uses Redis server time.
 *
 * @param tenant the tenant id, also the hash tag of every key
 * @param periods tenant day, tenant month, then agent day and month if any
 * @param holdsKey reservations by id
 * @param expiryKey reservation ids by expiry
 * @param heldKey micros in flight by held field
 */
record BudgetPlan(String tenant, List<BudgetPeriod> periods, String holdsKey, String expiryKey, String heldKey) {

  /** Day keys are kept this long after their day, month keys after their month. */
  private static final long KEEP_DAYS_SECONDS = 35L * 86_400;
  private static final long KEEP_MONTHS_SECONDS = 400L * 86_400;

  static final String TENANT_FIELD = "t";

  BudgetPlan {
    periods = List.copyOf(periods);
  }

  /** True when some period has a budget: the request must reserve before it may go on. */
  boolean enforced() {
    return periods.stream().anyMatch(p -> p.limit() > 0);
  }

  /**
   * @param keys adds the configured key prefix
   * @param agentType the request's agent type, or null
   */
  static BudgetPlan of(TenantConfig tenant, String agentType, ZoneId zone, Instant start, UnaryOperator<String> keys) {
    String tag = "{" + tenant.id() + "}:budget:";
    PeriodDates dates = PeriodDates.at(start, zone);
    List<BudgetPeriod> periods = new ArrayList<>(4);
    addPeriods(periods, null, tenant.budgets(), dates, tag + "tenant:", TENANT_FIELD, keys);
    BudgetConfig agent = agentBudget(tenant.agentBudgets(), agentType);
    if (agent != null) {
      addPeriods(periods, agentType, agent, dates, tag + "agent:" + agentType + ":", "a:" + agentType, keys);
    }
    return new BudgetPlan(tenant.id(), periods, keys.apply(tag + "holds"), keys.apply(tag + "hold-expiry"),
        keys.apply(tag + "held"));
  }

  private static void addPeriods(List<BudgetPeriod> periods, String agentType, BudgetConfig budget,
      PeriodDates dates, String prefix, String field, UnaryOperator<String> keys) {
    String day = dates.dayLabel();
    String month = dates.monthLabel();
    periods.add(new BudgetPeriod(agentType, true, day, keys.apply(prefix + "day:" + day),
        budget.dailyMicros(), budget.alertPercents(), dates.dayEnd(), dates.dayEnd() + KEEP_DAYS_SECONDS, field));
    periods.add(new BudgetPeriod(agentType, false, month, keys.apply(prefix + "month:" + month),
        budget.monthlyMicros(), budget.alertPercents(), dates.monthEnd(), dates.monthEnd() + KEEP_MONTHS_SECONDS,
        field));
  }

  /** The agent type's budget, matched without regard to case; null when it has none. */
  private static BudgetConfig agentBudget(Map<String, BudgetConfig> budgets, String agentType) {
    if (agentType == null || budgets.isEmpty()) {
      return null;
    }
    BudgetConfig exact = budgets.get(agentType);
    if (exact != null) {
      return exact;
    }
    return budgets.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(agentType))
        .map(Map.Entry::getValue).findFirst().orElse(null);
  }
}
