package com.mas.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.config.BudgetConfig;
import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.RedisSupport;
import com.mas.gateway.testkit.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Budgets over real HTTP, the simulator upstream and a real Redis. */
class BudgetGatewayTest {

  private static final String MODEL = "gpt-4o-mini";
  private static final int MAX_TOKENS = 40;
  private PricedGateway gateway;
  private PricedGateway replica;

  @AfterEach
  void close() {
    if (gateway != null) {
      gateway.close();
    }
    if (replica != null) {
      replica.close();
    }
  }

  private void start(BudgetConfig budgets, Map<String, BudgetConfig> agentBudgets) {
    start(budgets, agentBudgets, 1);
  }

  /** {@code instances} gateways (separate Vert.x instances, as separate pods) sharing one Redis prefix. */
  private void start(BudgetConfig budgets, Map<String, BudgetConfig> agentBudgets, int instances) {
    TenantConfig acme = new TenantConfig("acme", List.of(TestConfigs.sha256(TestConfigs.KEY)), List.of(), false,
        List.of(), new LimitConfig(600, 0, 0), Map.of(), budgets, agentBudgets);
    RedisConfig redis = new RedisConfig(RedisSupport.url(), RedisSupport.uniquePrefix(), true, true);
    gateway = new PricedGateway(PricedGateway.tenants(acme), PricedGateway.pricing(MODEL), redis);
    if (instances > 1) {
      replica = new PricedGateway(PricedGateway.tenants(acme), PricedGateway.pricing(MODEL), redis);
    }
  }

  private static String streamingChat() {
    return "{\"model\":\"" + MODEL + "\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
        + "\"max_tokens\":" + MAX_TOKENS + ",\"messages\":[{\"role\":\"user\",\"content\":\"Which serum suits oily skin?\"}]}";
  }

  private static long worstCase(String body) {
    return PricedGateway.worstCase(body, MAX_TOKENS);
  }

  private JsonObject settledUsage() {
    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.usage().getLong("reserved_micros") == 0);
    return gateway.usage();
  }

  @Test
  void fifty_concurrent_streams_over_two_instances_never_overspend_and_the_ledger_equals_the_costs_reported() {
    String body = streamingChat();
    long budget = 10 * worstCase(body);
    start(new BudgetConfig(budget, 0, null), Map.of(), 2);
    // 20 tokens at 10 per second: every stream is still running when the last request arrives.
    Map<String, String> slow = Map.of("x-sim-tokens", "20", "x-sim-tps", "10");

    List<Future<ClientResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add((i % 2 == 0 ? gateway : replica).chat(body, slow));
    }
    List<ClientResponse> responses = calls.stream().map(call -> Await.result(call, 30)).toList();

    List<ClientResponse> served = responses.stream().filter(r -> r.status() == 200).toList();
    List<ClientResponse> refused = responses.stream().filter(r -> r.status() == 429).toList();
    assertThat(served).hasSize(10);
    assertThat(refused).hasSize(40);
    assertThat(refused.get(0).error().getString("code")).isEqualTo("budget_exceeded");
    assertThat(refused.get(0).error().getString("type")).isEqualTo("insufficient_quota");
    assertThat(refused.get(0).error().getString("message")).startsWith("The daily budget of tenant \"acme\"");
    assertThat(refused.get(0).headers().get("x-should-retry")).isEqualTo("false");
    assertThat(Long.parseLong(refused.get(0).headers().get("retry-after"))).isBetween(1L, 86_400L);
    BigDecimal reported = served.stream().map(r -> ChatAssembler.ofEvents(r.events()).usage())
        .map(usage -> new BigDecimal(usage.getValue("cost_usd").toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    JsonObject day = settledUsage().getJsonObject("day");
    assertThat(day.getLong("spent_micros")).isEqualTo(reported.movePointRight(6).longValueExact());
    assertThat(day.getLong("spent_micros")).isPositive().isLessThanOrEqualTo(budget);
    assertThat(new BigDecimal(day.getString("spent_usd"))).isEqualByComparingTo(reported);
  }

  @Test
  void an_agent_type_budget_refuses_while_the_tenant_budget_still_has_room() {
    String body = streamingChat();
    start(new BudgetConfig(1_000_000, 0, null), Map.of("sales", new BudgetConfig(worstCase(body), 0, null)));

    ClientResponse first = Await.result(gateway.chat(body, Map.of("x-agent-type", "sales", "x-sim-tokens", "5")));
    settledUsage();
    ClientResponse second = Await.result(gateway.chat(body, Map.of("x-agent-type", "Sales")));
    ClientResponse otherAgent = Await.result(gateway.chat(body, Map.of("x-agent-type", "compliance")));

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(429);
    assertThat(second.error().getString("message"))
        .startsWith("The daily budget of agent type \"sales\" in tenant \"acme\"");
    assertThat(otherAgent.status()).isEqualTo(200);
    JsonObject usage = settledUsage();
    assertThat(usage.getJsonObject("agent_types").getJsonObject("sales").getJsonObject("day").getLong("spent_micros"))
        .isPositive().isLessThan(usage.getJsonObject("day").getLong("spent_micros"));
  }

  @Test
  void a_tenant_with_a_budget_cannot_use_a_model_without_a_price() {
    start(new BudgetConfig(1_000_000, 0, null), Map.of());

    ClientResponse response = Await.result(gateway.chat(streamingChat().replace(MODEL, "gpt-4.1"), Map.of()));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.error().getString("code")).isEqualTo("model_not_priced");
    assertThat(response.error().getString("message")).contains("openai/gpt-4.1").contains("pricing.models");
  }
}
