package com.mas.gateway.cost;

import com.mas.gateway.chat.CostQuote;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces budget thresholds crossed for the first time in their period (the ledger
 * deduplicates: per tenant, budget, period and threshold, once): a log line, the counter
 * {@code mas_gateway_budget_alerts_total{tenant,budget,threshold}} and, when configured, a
 * webhook POST. Called after the response, never on the request path; the webhook is sent in
 * the background.
 */
final class BudgetAlerts {

  static final String METRIC = "mas_gateway_budget_alerts";

  private static final Logger LOG = LoggerFactory.getLogger(BudgetAlerts.class);

  private final MeterRegistry registry;
  private final AlertWebhook webhook;

  /** @param webhook null when none is configured */
  BudgetAlerts(MeterRegistry registry, AlertWebhook webhook) {
    this.registry = registry;
    this.webhook = webhook;
  }

  void fire(List<BudgetAlert> alerts) {
    alerts.forEach(this::fire);
  }

  private void fire(BudgetAlert alert) {
    BudgetPeriod period = alert.period();
    LOG.warn("budget alert: {} reached {}% ({} of {} USD, period {})", period.describe(alert.tenant()),
        alert.percent(), CostQuote.usd(alert.spent()), CostQuote.usd(period.limit()), period.label());
    Counter.builder(METRIC)
        .description("Budget thresholds crossed, once per tenant, budget, period and threshold")
        .tag("tenant", alert.tenant())
        .tag("budget", period.metricName())
        .tag("threshold", Integer.toString(alert.percent()))
        .register(registry)
        .increment();
    if (webhook != null) {
      webhook.send(body(alert));
    }
  }

  /** The webhook's JSON body. */
  static JsonObject body(BudgetAlert alert) {
    BudgetPeriod period = alert.period();
    return new JsonObject()
        .put("type", "budget_alert")
        .put("tenant", alert.tenant())
        .put("budget", period.metricName())
        .put("period", period.kind())
        .put("agent_type", period.agentType())
        .put("period_start", period.label())
        .put("threshold_percent", alert.percent())
        .put("spent_usd", CostQuote.usd(alert.spent()))
        .put("spent_micros", alert.spent())
        .put("budget_usd", CostQuote.usd(period.limit()))
        .put("budget_micros", period.limit())
        .put("sent_at", Instant.now().toString());
  }
}
