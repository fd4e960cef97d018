package com.mas.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.config.BudgetConfig;
import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.state.SharedState;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.RedisSupport;
import com.mas.gateway.testkit.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What budgets do when Redis is configured but cannot be reached, and when it returns. */
class BudgetFailoverTest {

  private static final String MODEL = "gpt-4o-mini";
  private static final String BODY = "{\"model\":\"" + MODEL + "\",\"max_tokens\":30,"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"Is this cleanser gentle enough?\"}]}";
  private static final TenantConfig ACME = new TenantConfig("acme", List.of(TestConfigs.sha256(TestConfigs.KEY)),
      List.of(), false, List.of(), LimitConfig.NONE, Map.of(), new BudgetConfig(1_000_000, 0, null), Map.of());

  private final Vertx testVertx = Vertx.vertx();
  private PricedGateway gateway;

  @AfterEach
  void close() {
    if (gateway != null) {
      gateway.close();
    }
    Await.result(testVertx.close());
  }

  private void start(TenantConfig acme, String redisUrl, String prefix, boolean failOpen) {
    gateway = new PricedGateway(PricedGateway.tenants(acme), PricedGateway.pricing(MODEL),
        new RedisConfig(redisUrl, prefix, true, failOpen));
  }

  private static String unreachableRedis() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "redis://127.0.0.1:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private ClientResponse chat(Map<String, String> headers) {
    return Await.result(gateway.chat(BODY, headers));
  }

  @Test
  void fail_open_keeps_serving_from_a_per_instance_ledger_that_still_holds_the_budget() {
    // The budget fits one worst case (input estimate plus 30 output tokens at 2 micros each) and no more.
    long worst = PricedGateway.worstCase(BODY, 30);
    start(new TenantConfig("acme", ACME.keySha256(), List.of(), false, List.of(), LimitConfig.NONE, Map.of(),
        new BudgetConfig(worst + worst / 2, 0, null), Map.of()), unreachableRedis(), RedisSupport.uniquePrefix(), true);
    Map<String, String> slow = Map.of("x-sim-tokens", "10", "x-sim-tps", "10");

    List<ClientResponse> both = Future.all(gateway.chat(BODY, slow), gateway.chat(BODY, slow))
        .map(all -> List.<ClientResponse>of(all.resultAt(0), all.resultAt(1))).toCompletionStage()
        .toCompletableFuture().join();

    assertThat(both).extracting(ClientResponse::status).containsExactlyInAnyOrder(200, 429);
    assertThat(gateway.fallbacks()).isGreaterThanOrEqualTo(2);
    assertThat(gateway.usage().getString("ledger")).isEqualTo("instance");
  }

  @Test
  void fail_closed_refuses_requests_that_need_a_reservation_and_serves_tenants_without_budgets() {
    start(ACME, unreachableRedis(), RedisSupport.uniquePrefix(), false);

    ClientResponse budgeted = chat(Map.of());
    ClientResponse unbudgeted = chat(Map.of("authorization", "Bearer " + PricedGateway.OTHER_KEY));

    assertThat(budgeted.status()).isEqualTo(503);
    assertThat(budgeted.error().getString("code")).isEqualTo("budget_unavailable");
    assertThat(budgeted.headers().get("retry-after")).isEqualTo("1");
    assertThat(budgeted.body().toString()).doesNotContain("redis://");
    assertThat(unbudgeted.status()).isEqualTo(200);
    assertThat(gateway.fallbacks()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void when_redis_returns_the_shared_ledger_resumes_and_gets_the_charges_made_meanwhile() {
    URI redis = URI.create(RedisSupport.url());
    TcpProxy proxy = new TcpProxy(testVertx, redis.getHost(), redis.getPort());
    int port = Await.result(proxy.start(0));
    String prefix = RedisSupport.uniquePrefix();
    start(ACME, "redis://127.0.0.1:" + port, prefix, true);
    long before = cost(chat(Map.of()));
    await().atMost(Duration.ofSeconds(10)).until(() -> sharedSpend(prefix) == before);

    Await.result(proxy.stop());
    long during = cost(chat(Map.of()));
    assertThat(gateway.fallbacks()).isPositive();
    assertThat(sharedSpend(prefix)).isEqualTo(before);

    Await.result(proxy.start(port));
    await().atMost(Duration.ofSeconds(15)).until(() -> "shared".equals(gateway.usage().getString("ledger")));
    long after = cost(chat(Map.of()));
    await().atMost(Duration.ofSeconds(10)).until(() -> sharedSpend(prefix) == before + during + after);
    Await.result(proxy.stop());
  }

  private static long cost(ClientResponse response) {
    assertThat(response.status()).isEqualTo(200);
    return Long.parseLong(response.headers().get("x-gateway-cost-usd").replace(".", ""));
  }

  /** Today's spend of acme as Redis itself holds it, read past the gateway. */
  private long sharedSpend(String prefix) {
    SharedState direct = SharedState.create(testVertx, new RedisConfig(RedisSupport.url(), prefix, true, true));
    try {
      BudgetPlan plan = BudgetPlan.of(ACME, null, ZoneId.of("UTC"), Instant.now(), direct::key);
      return Await.result(new RedisBudgetLedger(direct.redis().orElseThrow()).read(plan)).spent()[0];
    } finally {
      direct.close();
    }
  }
}
