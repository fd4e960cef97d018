package com.mas.gateway.cost;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The ledger of one instance, with the same rules as the shared one: the embedded default
 * without Redis, and the fail-open fallback while Redis is down. Each tenant's book is guarded
 * by its own lock, held for a few map operations; tenants never wait for one another.
 */
final class MemoryBudgetLedger implements BudgetLedger {

  /** Past this many periods in one book, periods whose keep-time is over are dropped. */
  private static final int TIDY_ABOVE = 64;

  private final Map<String, Book> books = new ConcurrentHashMap<>();
  private final ToLongFunction<String> seed;
  private final LongSupplier clockMillis;

  /**
   * @param seed the spend a period starts from when this ledger first sees its key (0, or the
   *     last value the shared ledger reported)
   * @param clockMillis the wall clock, for reservation expiry
   */
  MemoryBudgetLedger(ToLongFunction<String> seed, LongSupplier clockMillis) {
    this.seed = seed;
    this.clockMillis = clockMillis;
  }

  MemoryBudgetLedger() {
    this(key -> 0, System::currentTimeMillis);
  }

  @Override
  public Future<Reservation> reserve(BudgetPlan plan, String holdId, long micros, long holdMillis) {
    return Future.succeededFuture(book(plan).reserve(plan, holdId, micros, clockMillis.getAsLong() + holdMillis));
  }

  @Override
  public Future<List<BudgetAlert>> settle(BudgetPlan plan, String holdId, long micros) {
    return Future.succeededFuture(book(plan).settle(plan, holdId, micros));
  }

  @Override
  public Future<Spend> read(BudgetPlan plan) {
    return Future.succeededFuture(book(plan).read(plan));
  }

  /** Forgets all spend (kept elsewhere from now on); reservations in flight stay. */
  void forgetSpend() {
    books.values().forEach(Book::forgetSpend);
  }

  private Book book(BudgetPlan plan) {
    return books.computeIfAbsent(plan.tenant(), tenant -> new Book());
  }

  private record Hold(long micros, Set<String> fields, long expiresAt) {}

  private static final class PeriodBook {
    long spent;
    final Set<Integer> alerted = new HashSet<>();
    long expireAtSecond;
  }

  /** One tenant's spend, reservations and sent alerts. */
  private final class Book {
    private final Map<String, PeriodBook> periods = new HashMap<>();
    private final Map<String, Long> held = new HashMap<>();
    private final Map<String, Hold> holds = new HashMap<>();

    synchronized Reservation reserve(BudgetPlan plan, String holdId, long micros, long expiresAt) {
      purge();
      long[] spent = new long[plan.periods().size()];
      Set<String> fields = new HashSet<>();
      for (int i = 0; i < spent.length; i++) {
        BudgetPeriod period = plan.periods().get(i);
        spent[i] = period(period).spent;
        long inFlight = held.getOrDefault(period.heldField(), 0L);
        if (period.limit() > 0 && spent[i] + inFlight + micros > period.limit()) {
          return new Reservation(false, i, new long[] {spent[i], inFlight});
        }
        fields.add(period.heldField());
      }
      fields.forEach(field -> held.merge(field, micros, Long::sum));
      holds.put(holdId, new Hold(micros, fields, expiresAt));
      return new Reservation(true, -1, spent);
    }

    synchronized List<BudgetAlert> settle(BudgetPlan plan, String holdId, long micros) {
      if (holdId != null) {
        release(holdId);
      }
      List<BudgetAlert> alerts = new ArrayList<>();
      if (micros <= 0) {
        return alerts;
      }
      for (BudgetPeriod period : plan.periods()) {
        PeriodBook book = period(period);
        book.spent += micros;
        book.expireAtSecond = period.expireAtSecond();
        for (int percent : period.alertPercents()) {
          if (period.limit() > 0 && book.spent * 100 >= period.limit() * percent && book.alerted.add(percent)) {
            alerts.add(new BudgetAlert(plan.tenant(), period, percent, book.spent));
          }
        }
      }
      tidy();
      return alerts;
    }

    synchronized Spend read(BudgetPlan plan) {
      purge();
      long[] spent = plan.periods().stream().mapToLong(period -> period(period).spent).toArray();
      String agentField = plan.periods().size() > 2 ? plan.periods().get(2).heldField() : "";
      return new Spend(spent, held.getOrDefault(BudgetPlan.TENANT_FIELD, 0L), held.getOrDefault(agentField, 0L),
          false);
    }

    synchronized void forgetSpend() {
      periods.clear();
    }

    private PeriodBook period(BudgetPeriod period) {
      return periods.computeIfAbsent(period.key(), key -> {
        PeriodBook book = new PeriodBook();
        book.spent = seed.applyAsLong(key);
        book.expireAtSecond = period.expireAtSecond();
        return book;
      });
    }

    private void release(String holdId) {
      Hold hold = holds.remove(holdId);
      if (hold != null) {
        hold.fields().forEach(field -> held.computeIfPresent(field, (f, v) -> v - hold.micros() > 0 ? v - hold.micros() : null));
      }
    }

    private void purge() {
      long now = clockMillis.getAsLong();
      List<String> lapsed = holds.entrySet().stream().filter(e -> e.getValue().expiresAt() <= now)
          .map(Map.Entry::getKey).toList();
      lapsed.forEach(this::release);
    }

    private void tidy() {
      if (periods.size() <= TIDY_ABOVE) {
        return;
      }
      long nowSecond = clockMillis.getAsLong() / 1000;
      for (Iterator<PeriodBook> it = periods.values().iterator(); it.hasNext(); ) {
        if (it.next().expireAtSecond < nowSecond) {
          it.remove();
        }
      }
    }
  }
}
