package com.mas.gateway.cost;

import com.mas.gateway.auth.Tenant;
import com.mas.gateway.chat.CostQuote;
import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.TenantConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /v1/usage}: the calling tenant's spend today and this month (in the
 * budget time zone), what is left of each budget, what requests in flight have reserved, and
 * the limits it is held to. Built from the authenticated tenant only: nothing in the request
 * can name another tenant. Amounts come twice: as USD strings with six decimals and as integer
 * micro-dollars. {@code remaining} is the budget less spend and reservations in flight;
 * {@code null} means no budget (or no limit).
 */
public final class UsageReport {

  private final Budgets budgets;

  public UsageReport(Budgets budgets) {
    this.budgets = budgets;
  }

  /** Completes with the report; fails with a 503 when a fail-closed ledger cannot be read. */
  public Future<JsonObject> of(Tenant tenant) {
    TenantConfig config = tenant.config();
    Instant now = Instant.now();
    BudgetPlan plan = budgets.plan(config, null, now);
    List<String> agentTypes = new ArrayList<>(config.agentBudgets().keySet());
    List<BudgetPlan> agentPlans = agentTypes.stream().map(type -> budgets.plan(config, type, now)).toList();
    List<Future<BudgetLedger.Spend>> reads = new ArrayList<>();
    reads.add(budgets.ledger().read(plan));
    agentPlans.forEach(agentPlan -> reads.add(budgets.ledger().read(agentPlan)));
    return Future.all(reads).map(all -> {
      BudgetLedger.Spend spend = all.resultAt(0);
      JsonObject report = new JsonObject()
          .put("object", "gateway.usage")
          .put("tenant", config.id())
          .put("time_zone", budgets.pricing().budgetZone().getId())
          .put("ledger", spend.shared() ? "shared" : "instance");
      addScope(report, plan.periods(), 0, spend.spent(), spend.heldTenant());
      JsonObject agents = new JsonObject();
      for (int i = 0; i < agentTypes.size(); i++) {
        BudgetLedger.Spend agentSpend = all.resultAt(i + 1);
        String type = agentTypes.get(i);
        JsonObject agent = new JsonObject()
            .put("alert_percents", new JsonArray(config.agentBudgets().get(type).alertPercents()));
        addScope(agent, agentPlans.get(i).periods(), 2, agentSpend.spent(), agentSpend.heldAgent());
        agents.put(type, agent);
      }
      return report.put("agent_types", agents)
          .put("alert_percents", new JsonArray(config.budgets().alertPercents()))
          .put("limits", limits(config.limits()))
          .put("agent_limits", agentLimits(config.agentLimits()));
    });
  }

  /** The day and month at {@code periods[first]} and {@code [first + 1]}, and the reservations. */
  private static void addScope(JsonObject target, List<BudgetPeriod> periods, int first, long[] spent, long held) {
    target.put("day", period(periods.get(first), spent[first], held));
    target.put("month", period(periods.get(first + 1), spent[first + 1], held));
    target.put("reserved_usd", CostQuote.usd(held)).put("reserved_micros", held);
  }

  private static JsonObject period(BudgetPeriod period, long spent, long held) {
    JsonObject json = new JsonObject()
        .put("period", period.label())
        .put("resets_at", Instant.ofEpochSecond(period.endSecond()).toString())
        .put("spent_usd", CostQuote.usd(spent))
        .put("spent_micros", spent);
    if (period.limit() <= 0) {
      return json.putNull("budget_usd").putNull("budget_micros").putNull("remaining_usd").putNull("remaining_micros");
    }
    long remaining = Math.max(0, period.limit() - spent - held);
    return json.put("budget_usd", CostQuote.usd(period.limit())).put("budget_micros", period.limit())
        .put("remaining_usd", CostQuote.usd(remaining)).put("remaining_micros", remaining);
  }

  private static JsonObject limits(LimitConfig limits) {
    return new JsonObject()
        .put("requests_per_minute", orNull(limits.requestsPerMinute()))
        .put("tokens_per_minute", orNull(limits.tokensPerMinute()))
        .put("concurrent_streams", orNull(limits.concurrentStreams()));
  }

  private static JsonObject agentLimits(Map<String, LimitConfig> byAgent) {
    JsonObject json = new JsonObject();
    byAgent.forEach((agent, limits) -> json.put(agent, limits(limits)));
    return json;
  }

  private static Long orNull(long value) {
    return value > 0 ? value : null;
  }
}
