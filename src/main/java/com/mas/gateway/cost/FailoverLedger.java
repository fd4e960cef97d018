package com.mas.gateway.cost;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.state.RedisOutage;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The shared ledger with the configured policy for when Redis cannot be reached (an error, or
 * no answer within {@link #TIMEOUT_MILLIS}). {@link RedisOutage} then keeps operations off Redis
 * but for one every {@link #RETRY_MILLIS}, which probes it again, so recovery needs no one's
 * help; it also logs and counts the outage. While it is down:
 * <ul>
 *   <li>fail-open ({@code budgetsFailOpen: true}, the default): this instance keeps a ledger of
 *       its own, starting each period from the last spend Redis reported, so every instance
 *       still holds each budget on its own (an outage can let N instances spend up to N times
 *       what was left);
 *   <li>fail-closed: a request that needs a reservation gets a 503 {@code budget_unavailable};
 *       tenants without budgets go on.
 * </ul>
 * Either way, charges that could not be written are summed per period and written when Redis
 * returns, so the shared ledger ends up complete (alerts they cross fire then), and the local
 * ledger's spend is dropped. Every operation that found Redis unavailable counts in
 * {@code mas_gateway_redis_fallback{component="budgets"}}.
 */
final class FailoverLedger implements BudgetLedger {

  static final long TIMEOUT_MILLIS = 1_000;
  static final long RETRY_MILLIS = 1_000;

  private final RedisBudgetLedger shared;
  private final MemoryBudgetLedger local;
  private final boolean failOpen;
  private final RedisOutage outage;
  private final Consumer<List<BudgetAlert>> lateAlerts;
  private final Map<String, Long> lastKnown = new ConcurrentHashMap<>();
  private final Set<String> localHolds = ConcurrentHashMap.newKeySet();
  private final Map<String, PendingCharge> pending = new ConcurrentHashMap<>();

  /** Charges waiting for Redis: a plan and the micros not yet written to it. */
  private record PendingCharge(BudgetPlan plan, AtomicLong micros) {}

  /**
   * @param lateAlerts receives the alerts crossed by charges written after an outage
   */
  FailoverLedger(RedisBudgetLedger shared, boolean failOpen, RedisOutage outage,
      Consumer<List<BudgetAlert>> lateAlerts) {
    this.shared = shared;
    this.local = new MemoryBudgetLedger(key -> lastKnown.getOrDefault(key, 0L), System::currentTimeMillis);
    this.failOpen = failOpen;
    this.outage = outage;
    this.lateAlerts = lateAlerts;
  }

  @Override
  public Future<Reservation> reserve(BudgetPlan plan, String holdId, long micros, long holdMillis) {
    if (!outage.tryRedis()) {
      return localReserve(plan, holdId, micros, holdMillis);
    }
    return guarded(shared.reserve(plan, holdId, micros, holdMillis))
        .onSuccess(reservation -> remember(plan, reservation))
        .recover(failure -> {
          outage.failed(failure);
          return localReserve(plan, holdId, micros, holdMillis);
        });
  }

  private Future<Reservation> localReserve(BudgetPlan plan, String holdId, long micros, long holdMillis) {
    outage.fellBack();
    if (!failOpen) {
      return Future.failedFuture(unavailable());
    }
    localHolds.add(holdId);
    return local.reserve(plan, holdId, micros, holdMillis);
  }

  @Override
  public Future<List<BudgetAlert>> settle(BudgetPlan plan, String holdId, long micros) {
    boolean heldLocally = holdId != null && localHolds.remove(holdId);
    if (heldLocally) {
      local.settle(plan, holdId, 0);
    }
    String sharedHold = heldLocally ? null : holdId;
    if (!outage.tryRedis()) {
      return localCharge(plan, micros);
    }
    return guarded(shared.settle(plan, sharedHold, micros)).recover(failure -> {
      outage.failed(failure);
      return localCharge(plan, micros); // the shared reservation lapses by itself
    });
  }

  private Future<List<BudgetAlert>> localCharge(BudgetPlan plan, long micros) {
    outage.fellBack();
    if (micros > 0) {
      String key = plan.periods().stream().map(BudgetPeriod::key).reduce("", String::concat);
      pending.computeIfAbsent(key, k -> new PendingCharge(plan, new AtomicLong())).micros().addAndGet(micros);
    }
    return failOpen ? local.settle(plan, null, micros) : Future.succeededFuture(List.of());
  }

  @Override
  public Future<Spend> read(BudgetPlan plan) {
    if (!outage.tryRedis()) {
      return localRead(plan);
    }
    return guarded(shared.read(plan)).recover(failure -> {
      outage.failed(failure);
      return localRead(plan);
    });
  }

  private Future<Spend> localRead(BudgetPlan plan) {
    outage.fellBack();
    return failOpen ? local.read(plan) : Future.failedFuture(unavailable());
  }

  /** A shared-ledger call that counts as failed when Redis does not answer in time. */
  private <T> Future<T> guarded(Future<T> call) {
    return call.timeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).onSuccess(v -> {
      if (outage.succeeded()) {
        local.forgetSpend();
        flush();
      }
    });
  }

  /** Writes the charges made during the outage; one that fails again waits for the next recovery. */
  private void flush() {
    for (String key : List.copyOf(pending.keySet())) {
      PendingCharge charge = pending.remove(key);
      if (charge == null) {
        continue;
      }
      shared.settle(charge.plan(), null, charge.micros().get())
          .onSuccess(lateAlerts::accept)
          .onFailure(failure -> pending.merge(key, charge, (a, b) -> {
            a.micros().addAndGet(b.micros().get());
            return a;
          }));
    }
  }

  private void remember(BudgetPlan plan, Reservation reservation) {
    if (reservation.granted()) {
      for (int i = 0; i < reservation.spent().length; i++) {
        lastKnown.put(plan.periods().get(i).key(), reservation.spent()[i]);
      }
      if (lastKnown.size() > 100_000) {
        lastKnown.clear(); // old periods pile up over months; the latest are relearned at once
      }
    }
  }

  static GatewayException unavailable() {
    return new GatewayException(503, "server_error", "budget_unavailable", null,
        "Budgets cannot be checked right now, so the request was not sent upstream. Retry shortly.",
        Map.of("retry-after", "1"));
  }
}
