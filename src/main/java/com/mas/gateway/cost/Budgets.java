package com.mas.gateway.cost;

import com.mas.gateway.config.PricingConfig;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.state.RedisOutage;
import com.mas.gateway.state.SharedState;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cost and budgets for one gateway process: the price table, the ledger (Redis with its failure
 * policy, or memory without Redis) and the alerts. One per process, shared by every event loop
 * (see {@link SharedState#component}); everything here is thread-safe. The data path uses it
 * through {@link BudgetStage}, tenants through {@link UsageReport}.
 */
public final class Budgets {

  /** {@code mas_gateway_redis_fallback_total{component="budgets"}}: operations Redis could not serve. */
  public static final String FALLBACK_METRIC = RedisOutage.FALLBACKS;

  private static final Logger LOG = LoggerFactory.getLogger(Budgets.class);

  private final PricingConfig pricing;
  private final PriceTable prices;
  private final BudgetLedger ledger;
  private final BudgetAlerts alerts;
  private final SharedState state;

  private Budgets(PricingConfig pricing, BudgetLedger ledger, BudgetAlerts alerts, SharedState state) {
    this.pricing = pricing;
    this.prices = new PriceTable(pricing);
    this.ledger = ledger;
    this.alerts = alerts;
    this.state = state;
  }

  /** Builds the process's budgets; connects nothing yet (Redis is reached lazily). */
  public static Budgets create(Vertx vertx, SharedState state, PricingConfig pricing, MeterRegistry registry) {
    AlertWebhook webhook = pricing.alerts().hasWebhook() ? new AlertWebhook(vertx, pricing.alerts()) : null;
    BudgetAlerts alerts = new BudgetAlerts(registry, webhook);
    BudgetLedger ledger = state.redis()
        .<BudgetLedger>map(redis -> new FailoverLedger(new RedisBudgetLedger(redis), state.config().budgetsFailOpen(),
            outage(state, registry), alerts::fire))
        .orElseGet(MemoryBudgetLedger::new);
    return new Budgets(pricing, ledger, alerts, state);
  }

  private static RedisOutage outage(SharedState state, MeterRegistry registry) {
    String policy = state.config().budgetsFailOpen()
        ? "each instance keeps its own ledger" : "requests that need a budget reservation are refused";
    return new RedisOutage("budgets", state.config().redactedUrl(), policy,
        Duration.ofMillis(FailoverLedger.RETRY_MILLIS), registry);
  }

  PriceTable prices() {
    return prices;
  }

  BudgetLedger ledger() {
    return ledger;
  }

  long holdMillis() {
    return pricing.holdFor().toMillis();
  }

  /** The budgets a request of {@code tenant} and {@code agentType} started at {@code start} counts against. */
  BudgetPlan plan(TenantConfig tenant, String agentType, Instant start) {
    return BudgetPlan.of(tenant, agentType, pricing.budgetZone(), start, state::key);
  }

  /** Releases a reservation and charges the real cost, in the background; alerts follow. */
  void settle(BudgetPlan plan, String holdId, long micros) {
    ledger.settle(plan, holdId, micros)
        .onSuccess(alerts::fire)
        .onFailure(failure -> LOG.warn("budgets: could not charge {} micro-dollars to tenant {} ({})", micros,
            plan.tenant(), failure.getMessage()));
  }

  PricingConfig pricing() {
    return pricing;
  }
}
