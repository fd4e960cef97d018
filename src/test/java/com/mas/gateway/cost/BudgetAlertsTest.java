package com.mas.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.config.AlertConfig;
import com.mas.gateway.config.BudgetConfig;
import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.Secret;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.testkit.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alerts reach the log, the metric and a real webhook on loopback that fails its first attempt. */
class BudgetAlertsTest {

  private static final TenantConfig ACME = new TenantConfig("acme", List.of("x"), List.of(), false, List.of(),
      LimitConfig.NONE, Map.of(), new BudgetConfig(1_000_000, 0, null), Map.of());

  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<JsonObject> delivered = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private HttpServer hook;

  @BeforeEach
  void startHook() {
    hook = Await.result(vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      authorizations.add(request.getHeader("authorization"));
      if (attempts.incrementAndGet() == 1) {
        request.response().setStatusCode(503).end();
      } else {
        delivered.add(body.toJsonObject());
        request.response().setStatusCode(204).end();
      }
    })).listen(0, "127.0.0.1"));
  }

  @AfterEach
  void close() {
    Await.result(vertx.close());
  }

  private BudgetAlerts alerts() {
    AlertConfig config = new AlertConfig("http://127.0.0.1:" + hook.actualPort() + "/budget",
        Map.of("Authorization", new Secret("Bearer hook-token")), 3, Duration.ofMillis(100));
    return new BudgetAlerts(registry, new AlertWebhook(vertx, config));
  }

  @Test
  void a_crossed_threshold_is_logged_counted_and_posted_with_a_retry_after_a_failed_attempt() {
    BudgetAlerts alerts = alerts();
    MemoryBudgetLedger ledger = new MemoryBudgetLedger();
    BudgetPlan plan = BudgetPlan.of(ACME, null, ZoneId.of("UTC"), Instant.now(), key -> key);

    vertx.runOnContext(v -> ledger.settle(plan, null, 820_000).onSuccess(alerts::fire));

    await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 2);
    assertThat(attempts.get()).isEqualTo(3); // the first POST got a 503 and was sent again
    assertThat(authorizations).containsOnly("Bearer hook-token");
    assertThat(delivered).extracting(body -> body.getInteger("threshold_percent")).containsExactlyInAnyOrder(50, 80);
    JsonObject first = delivered.get(0);
    assertThat(first.getString("type")).isEqualTo("budget_alert");
    assertThat(first.getString("tenant")).isEqualTo("acme");
    assertThat(first.getString("budget")).isEqualTo("daily");
    assertThat(first.getString("spent_usd")).isEqualTo("0.820000");
    assertThat(first.getLong("budget_micros")).isEqualTo(1_000_000);
    assertThat(registry.find(BudgetAlerts.METRIC).tag("tenant", "acme").tag("budget", "daily").tag("threshold", "80")
        .counter().count()).isEqualTo(1);
  }

  @Test
  void a_webhook_that_keeps_failing_is_given_up_after_the_configured_attempts() {
    AlertConfig config = new AlertConfig("http://127.0.0.1:" + hook.actualPort() + "/budget", Map.of(), 1,
        Duration.ofMillis(10));

    Throwable failure = Await.failure(new AlertWebhook(vertx, config).send(new JsonObject().put("n", 1)));

    assertThat(failure).hasMessageContaining("503");
    assertThat(attempts.get()).isEqualTo(1);
  }
}
