package com.mas.gateway.cost;

import com.mas.gateway.api.Exchange;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.api.Stage;
import com.mas.gateway.chat.CostQuote;
import com.mas.gateway.chat.TokenEstimator;
import com.mas.gateway.config.Prices;
import com.mas.gateway.routing.ModelCatalog;
import com.mas.gateway.routing.RoutePlan;
import com.mas.gateway.routing.Target;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Prices the request and holds it to its tenant's budgets. Runs after the route plan is made:
 * <ol>
 *   <li>the prices in effect at the request's start, for every target of the plan, become its
 *       cost quotes, so the answer can report its cost ({@code x-gateway-cost-usd}, or
 *       {@code usage.cost_usd} in a stream), summed over the attempts it took;
 *   <li>when the tenant (or its agent type) has a budget, the worst case (estimated input at the
 *       dearest input price plus the maximum output at the output price), for the dearest target
 *       of the plan, is reserved against the day and month of the tenant and of the agent type at
 *       once, in one round trip; a reservation that does not fit is a 429 naming the budget;
 *   <li>when the request has ended, however it ended, the reservation is released and the real
 *       cost charged ({@link ChargeEstimate}: each attempt at its own target's prices), off the
 *       request path.
 * </ol>
 * A tenant without budgets costs no round trip: its spend is only recorded afterwards.
 *
 * <p>A model without a price is served to tenants without budgets, with no cost reported. A
 * tenant with a budget is refused it (403 {@code model_not_priced}): its spend could not be
 * counted, and a budget that silently stops counting is worse than a clear refusal the operator
 * fixes with one line of config. Fallback targets without a price are dropped from such a
 * tenant's plan; the refusal comes only when no target of the plan has a price.
 *
 * <p>Refusals are 429 with type {@code insufficient_quota} (what OpenAI sends when a quota is
 * spent, which clients already handle) and code {@code budget_exceeded}, with
 * {@code x-should-retry: false} (the OpenAI SDKs then do not retry) and {@code retry-after} set
 * to when the budget's period ends. 402 was the alternative; no OpenAI client knows it.
 */
public final class BudgetStage implements Stage {

  private final Budgets budgets;
  private final ModelCatalog catalog;

  public BudgetStage(Budgets budgets, ModelCatalog catalog) {
    this.budgets = budgets;
    this.catalog = catalog;
  }

  @Override
  public String name() {
    return "budget";
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    Instant start = Instant.now();
    Map<Target, Prices> prices = prices(exchange.plan(), start);
    exchange.costQuotes(target -> quote(prices.get(target)));
    BudgetPlan plan = budgets.plan(exchange.tenant().config(), exchange.agentType(), start);
    long inputTokens = exchange.estimatedInputTokens();
    if (!plan.enforced()) {
      if (!prices.isEmpty()) {
        exchange.onCompletion(done -> budgets.settle(plan, null, ChargeEstimate.micros(done, prices, inputTokens)));
      }
      return Future.succeededFuture();
    }
    RoutePlan priced = exchange.plan().narrowed(prices::containsKey); // a budget cannot count the unpriced
    if (priced == null) {
      return Future.failedFuture(notPriced(exchange.plan().primary(), plan.tenant()));
    }
    if (priced != exchange.plan()) {
      exchange.plan(priced);
    }
    long worstCase = worstCase(exchange, priced, prices, inputTokens);
    String holdId = holdId();
    return budgets.ledger().reserve(plan, holdId, worstCase, budgets.holdMillis()).compose(reservation -> {
      if (!reservation.granted()) {
        return Future.failedFuture(exceeded(plan, reservation, worstCase, start));
      }
      exchange.onCompletion(done -> budgets.settle(plan, holdId, ChargeEstimate.micros(done, prices, inputTokens)));
      return Future.succeededFuture();
    });
  }

  /** The prices of the plan's targets that have one, at {@code start}. */
  private Map<Target, Prices> prices(RoutePlan plan, Instant start) {
    Map<Target, Prices> prices = new HashMap<>();
    for (Target target : plan.targets()) {
      budgets.prices().pricesAt(target, start).ifPresent(p -> prices.put(target, p));
    }
    return prices;
  }

  private static CostQuote quote(Prices prices) {
    return prices == null ? CostQuote.NONE : usage -> CostCalculator.micros(usage, prices);
  }

  /**
   * The most the request can cost wherever it goes: the dearest of its targets' worst cases, so
   * that failing over to a dearer target cannot overspend the budget (an attempt refused before
   * its answer started costs nothing). A stream continued on another target also pays its input,
   * and the part already received, again there; the reservation does not cover that, the charge
   * when the request ends does.
   */
  private long worstCase(Exchange exchange, RoutePlan plan, Map<Target, Prices> prices, long inputTokens) {
    long worst = 1;
    for (Target target : plan.targets()) {
      long maxOutput = TokenEstimator.maxOutputTokens(exchange.needs(), catalog.capabilities(target));
      worst = Math.max(worst, CostCalculator.worstCase(inputTokens, maxOutput, prices.get(target)));
    }
    return worst;
  }

  /** Unique across instances and restarts; never the client's request id, which it chooses. */
  private static String holdId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
  }

  private static GatewayException exceeded(BudgetPlan plan, BudgetLedger.Reservation reservation, long needed,
      Instant now) {
    BudgetPeriod period = plan.periods().get(reservation.refused());
    long retryAfter = Math.max(1, period.endSecond() - now.getEpochSecond());
    String message = "The " + period.describe(plan.tenant()) + " (USD " + CostQuote.usd(period.limit())
        + ") cannot cover this request: USD " + CostQuote.usd(reservation.spent()[0]) + " spent, USD "
        + CostQuote.usd(reservation.spent()[1]) + " reserved by requests in flight, up to USD "
        + CostQuote.usd(needed) + " needed. It resets with the next " + (period.daily() ? "day" : "month") + ".";
    return new GatewayException(429, "insufficient_quota", "budget_exceeded", null, message,
        Map.of("retry-after", Long.toString(retryAfter), "x-should-retry", "false"));
  }

  private static GatewayException notPriced(Target target, String tenant) {
    return new GatewayException(403, "permission_error", "model_not_priced", "model",
        "Model \"" + target.provider() + "/" + target.model() + "\" has no price, and tenant \"" + tenant
            + "\" has a budget that could not count its cost. Ask the operator to price it (pricing.models).");
  }
}
