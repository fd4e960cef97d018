package com.mas.gateway.cost;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where spend and reservations are kept: Redis (shared by every instance) or memory (this
 * instance only). All amounts are integer micro-dollars. Futures complete on the caller's
 * context; a ledger that cannot be reached fails them (the policy for that is
 * {@link FailoverLedger}'s).
 */
interface BudgetLedger {

  /**
   * Reserves {@code micros} against every period of {@code plan}, all or nothing: granted only
   * when, for each period with a budget, spend plus reservations in flight plus {@code micros}
   * stays within it. A granted reservation lapses after {@code holdMillis} unless settled.
   */
  Future<Reservation> reserve(BudgetPlan plan, String holdId, long micros, long holdMillis);

  /**
   * Releases reservation {@code holdId} (null: none was made; one that already lapsed is fine)
   * and charges {@code micros} to every period of {@code plan}. Completes with the alert
   * thresholds crossed for the first time in their period.
   */
  Future<List<BudgetAlert>> settle(BudgetPlan plan, String holdId, long micros);

  /** Spend of every period of {@code plan} and the reservations in flight. */
  Future<Spend> read(BudgetPlan plan);

  /**
   * The answer to a reservation.
   *
   * @param granted true when it fits
   * @param refused the period that did not fit (index into the plan), or -1
   * @param spent spend per period when granted; when refused, the refused period's spend and
   *     the reservations in flight it was checked against
   */
  record Reservation(boolean granted, int refused, long[] spent) {}

  /**
   * What a tenant has spent in the periods of a plan.
   *
   * @param spent micros charged, per period of the plan
   * @param heldTenant micros reserved in flight by the whole tenant
   * @param heldAgent micros reserved in flight by the plan's agent type (0 without one)
   * @param shared true when read from the shared ledger, false from this instance's
   */
  record Spend(long[] spent, long heldTenant, long heldAgent, boolean shared) {}
}
