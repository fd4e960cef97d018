package com.mas.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.chat.CostQuote;
import com.mas.gateway.config.BudgetConfig;
import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.RedisSupport;
import com.mas.gateway.testkit.TestConfigs;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsageEndpointTest {

  private PricedGateway gateway;

  @BeforeEach
  void start() {
    TenantConfig acme = new TenantConfig("acme", List.of(TestConfigs.sha256(TestConfigs.KEY)), List.of(), false,
        List.of(), new LimitConfig(600, 90_000, 20), Map.of("sales", new LimitConfig(60, 0, 0)),
        new BudgetConfig(5_000_000, 100_000_000, null), Map.of("sales", new BudgetConfig(1_000_000, 0, List.of(90))));
    gateway = new PricedGateway(PricedGateway.tenants(acme), PricedGateway.pricing("gpt-4o-mini"),
        new RedisConfig(RedisSupport.url(), RedisSupport.uniquePrefix(), true, true));
  }

  @AfterEach
  void close() {
    gateway.close();
  }

  private long spendOnce() {
    String body = "{\"model\":\"gpt-4o-mini\",\"max_tokens\":20,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    ClientResponse answer = Await.result(gateway.chat(body, Map.of("x-agent-type", "sales")));
    assertThat(answer.status()).isEqualTo(200);
    long cost = Long.parseLong(answer.headers().get("x-gateway-cost-usd").replace(".", ""));
    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.usage().getJsonObject("day").getLong("spent_micros") == cost);
    return cost;
  }

  @Test
  void a_tenant_sees_its_spend_remaining_budgets_and_limits() {
    long cost = spendOnce();

    JsonObject usage = gateway.usage();

    assertThat(usage.getString("tenant")).isEqualTo("acme");
    assertThat(usage.getString("ledger")).isEqualTo("shared");
    JsonObject day = usage.getJsonObject("day");
    assertThat(day.getString("spent_usd")).isEqualTo(CostQuote.usd(cost));
    assertThat(day.getLong("budget_micros")).isEqualTo(5_000_000);
    assertThat(day.getString("budget_usd")).isEqualTo("5.000000");
    assertThat(day.getLong("remaining_micros")).isEqualTo(5_000_000 - cost);
    assertThat(usage.getJsonObject("month").getLong("spent_micros")).isEqualTo(cost);
    assertThat(usage.getLong("reserved_micros")).isZero();
    JsonObject sales = usage.getJsonObject("agent_types").getJsonObject("sales");
    assertThat(sales.getJsonObject("day").getLong("remaining_micros")).isEqualTo(1_000_000 - cost);
    assertThat(sales.getJsonObject("month").getValue("budget_micros")).isNull();
    assertThat(usage.getJsonObject("limits").getMap())
        .containsEntry("requests_per_minute", 600).containsEntry("tokens_per_minute", 90_000)
        .containsEntry("concurrent_streams", 20);
    assertThat(usage.getJsonObject("agent_limits").getJsonObject("sales").getInteger("requests_per_minute"))
        .isEqualTo(60);
  }

  @Test
  void a_tenant_never_reads_another_tenants_usage_whatever_it_names() {
    spendOnce();

    ClientResponse spoofed = gateway.usage(PricedGateway.OTHER_KEY, "/v1/usage?tenant=acme&tenant_id=acme",
        Map.of("x-tenant-id", "acme", "x-tenant", "acme"));

    assertThat(spoofed.status()).isEqualTo(200);
    JsonObject usage = spoofed.json();
    assertThat(usage.getString("tenant")).isEqualTo("other");
    assertThat(usage.getJsonObject("day").getLong("spent_micros")).isZero();
    assertThat(usage.getJsonObject("day").getValue("budget_micros")).isNull();
    assertThat(usage.getJsonObject("agent_types").isEmpty()).isTrue();
    assertThat(spoofed.body().toString()).doesNotContain("acme");
  }

  @Test
  void usage_needs_a_valid_key_and_is_served_without_the_v1_prefix_too() {
    ClientResponse anonymous = gateway.usage("wrong-key", "/v1/usage", Map.of());
    ClientResponse bare = gateway.usage(TestConfigs.KEY, "/usage", Map.of());

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.error().getString("code")).isEqualTo("invalid_api_key");
    assertThat(anonymous.body().toString()).doesNotContain("wrong-key");
    assertThat(bare.status()).isEqualTo(200);
    assertThat(bare.json().getString("tenant")).isEqualTo("acme");
  }
}
