package com.mas.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.config.BudgetConfig;
import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.testkit.Await;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The rules every ledger keeps, run against the Redis ledger and the in-memory one. */
abstract class BudgetLedgerContract {

  /** One instant for every plan of a run, so no test straddles midnight; keys expire relative to it. */
  static final Instant NOW = Instant.now();
  static final long HOLD = 60_000;

  /** Tenant: 1,000 micros a day, 5,000 a month; agent type "sales": 300 a day. */
  static final TenantConfig TENANT = new TenantConfig("acme", List.of("x"), List.of(), false, List.of(),
      LimitConfig.NONE, Map.of(), new BudgetConfig(1_000, 5_000, null),
      Map.of("sales", new BudgetConfig(300, 0, List.of(50, 100))));

  abstract BudgetLedger ledger();

  abstract UnaryOperator<String> keys();

  BudgetPlan plan(String agentType) {
    return plan(agentType, NOW);
  }

  BudgetPlan plan(String agentType, Instant start) {
    return BudgetPlan.of(TENANT, agentType, ZoneId.of("UTC"), start, keys());
  }

  BudgetLedger.Reservation reserve(BudgetPlan plan, long micros) {
    return Await.result(ledger().reserve(plan, UUID.randomUUID().toString(), micros, HOLD));
  }

  List<BudgetAlert> settle(BudgetPlan plan, String holdId, long micros) {
    return Await.result(ledger().settle(plan, holdId, micros));
  }

  BudgetLedger.Spend read(BudgetPlan plan) {
    return Await.result(ledger().read(plan));
  }

  @Test
  void reserves_against_the_tenant_and_its_agent_type_all_or_nothing() {
    assertThat(reserve(plan("sales"), 200).granted()).isTrue();

    BudgetLedger.Reservation refused = reserve(plan("sales"), 200);

    assertThat(refused.granted()).isFalse();
    assertThat(plan("sales").periods().get(refused.refused()).describe("acme"))
        .isEqualTo("daily budget of agent type \"sales\" in tenant \"acme\"");
    assertThat(refused.spent()).containsExactly(0, 200);
    BudgetLedger.Spend spend = read(plan("sales"));
    assertThat(spend.heldTenant()).isEqualTo(200); // the refused request left nothing behind
    assertThat(spend.heldAgent()).isEqualTo(200);
    assertThat(reserve(plan(null), 800).granted()).isTrue();
    BudgetLedger.Reservation tenantFull = reserve(plan(null), 1);
    assertThat(tenantFull.granted()).isFalse();
    assertThat(tenantFull.refused()).isZero();
  }

  @Test
  void settling_releases_the_reservation_and_charges_the_real_cost_to_every_period() {
    BudgetPlan plan = plan("sales");
    String hold = "hold-" + UUID.randomUUID();
    assertThat(Await.result(ledger().reserve(plan, hold, 250, HOLD)).granted()).isTrue();

    settle(plan, hold, 120);

    BudgetLedger.Spend spend = read(plan);
    assertThat(spend.spent()).containsExactly(120, 120, 120, 120);
    assertThat(spend.heldTenant()).isZero();
    assertThat(spend.heldAgent()).isZero();
    assertThat(reserve(plan, 180).granted()).isTrue();
    assertThat(reserve(plan, 1).granted()).isFalse();
  }

  @Test
  void a_reservation_nobody_settles_lapses_and_its_late_charge_still_counts() {
    BudgetPlan plan = plan(null);
    String hold = "hold-" + UUID.randomUUID();
    assertThat(Await.result(ledger().reserve(plan, hold, 900, 200)).granted()).isTrue();
    assertThat(reserve(plan, 200).granted()).isFalse();

    await().atMost(Duration.ofSeconds(5)).until(() -> reserve(plan, 200).granted());
    settle(plan, hold, 300);

    assertThat(read(plan).spent()[0]).isEqualTo(300);
    assertThat(read(plan).heldTenant()).isEqualTo(200);
  }

  @Test
  void concurrent_reservations_never_pass_the_budget() {
    BudgetPlan plan = plan(null);
    List<Future<BudgetLedger.Reservation>> all = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      all.add(ledger().reserve(plan, "h" + i, 100, HOLD));
    }

    long granted = all.stream().map(Await::result).filter(BudgetLedger.Reservation::granted).count();

    assertThat(granted).isEqualTo(10);
    assertThat(read(plan).heldTenant()).isEqualTo(1_000);
  }

  @Test
  void alerts_fire_once_per_threshold_and_period() {
    BudgetPlan plan = plan(null);

    assertThat(settle(plan, null, 400)).isEmpty();
    assertThat(percents(settle(plan, null, 150))).containsExactly("daily 50");
    assertThat(settle(plan, null, 10)).isEmpty();
    assertThat(percents(settle(plan, null, 300))).containsExactly("daily 80");
    assertThat(percents(settle(plan, null, 2_000))).containsExactly("daily 100", "monthly 50");
    BudgetPlan tomorrow = plan(null, NOW.plus(Duration.ofDays(1)));
    assertThat(percents(settle(tomorrow, null, 500))).containsExactly("daily 50");
  }

  @Test
  void spend_without_a_budget_is_recorded_without_alerts() {
    TenantConfig free = new TenantConfig("free-" + UUID.randomUUID().toString().substring(0, 6), List.of("y"));
    BudgetPlan plan = BudgetPlan.of(free, "sales", ZoneId.of("UTC"), NOW, keys());

    assertThat(plan.enforced()).isFalse();
    assertThat(settle(plan, null, 1_234)).isEmpty();
    assertThat(read(plan).spent()).containsExactly(1_234, 1_234);
  }

  private static List<String> percents(List<BudgetAlert> alerts) {
    return alerts.stream().map(a -> a.period().kind() + " " + a.percent()).toList();
  }
}
