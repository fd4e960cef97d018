package com.mas.gateway.limits;

import static com.mas.gateway.limits.LimitedGateways.chat;
import static com.mas.gateway.limits.LimitedGateways.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.chat.TokenEstimator;
import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.RedisSupport;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances sharing one Redis hold a tenant to exactly its limits, whichever
 * instance each request reaches: requests per minute, tokens per minute, concurrent streams.
 */
class SharedLimitsTest {

  private final String prefix = RedisSupport.uniquePrefix();
  private final RedisConfig redis = new RedisConfig(RedisSupport.url(), prefix, true, true);

  @Test
  void two_instances_admit_exactly_the_requests_per_minute_of_the_tenant() {
    try (LimitedGateways gateways = new LimitedGateways(2, tenant(new LimitConfig(20, 0, 0), Map.of()), redis)) {
      List<ClientResponse> responses = gateways.sendAll(60, i -> gateways.chat(i % 2, chat(false, ""), Map.of()));

      List<ClientResponse> admitted = responses.stream().filter(r -> r.status() == 200).toList();
      List<ClientResponse> rejected = responses.stream().filter(r -> r.status() == 429).toList();
      assertThat(admitted).hasSize(20);
      assertThat(rejected).hasSize(40);
      assertThat(admitted).allSatisfy(r -> assertThat(r.headers().get("x-ratelimit-limit-requests")).isEqualTo("20"));
      // Every admission saw a different count: remaining 19 down to 0, each exactly once.
      assertThat(admitted.stream().map(r -> Long.parseLong(r.headers().get("x-ratelimit-remaining-requests"))))
          .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 20).boxed().toList());
      assertThat(rejected).allSatisfy(r -> {
        assertThat(r.error().getString("code")).isEqualTo("rate_limit_exceeded");
        assertThat(r.error().getString("message"))
            .matches("Rate limit reached for tenant 'acme': 20 requests per minute\\. Retry in \\d+s\\.");
        assertThat(Long.parseLong(r.headers().get("retry-after"))).isBetween(1L, 60L);
      });
      assertThat(gateways.fallbacks(0) + gateways.fallbacks(1)).isZero();
    }
  }

  @Test
  void two_instances_admit_exactly_the_tokens_per_minute_of_the_tenant() {
    String body = chat(false, ",\"max_tokens\":100");
    long reserve = TokenEstimator.inputTokens(json(body)) + 100;
    LimitConfig limits = new LimitConfig(0, 10 * reserve, 0);
    try (LimitedGateways gateways = new LimitedGateways(2, tenant(limits, Map.of()), redis)) {
      // Answers start after 1.5 s, so no reservation is settled before all 30 are decided.
      Map<String, String> slow = Map.of("x-sim-ttft-ms", "1500");
      List<ClientResponse> responses = gateways.sendAll(30, i -> gateways.chat(i % 2, body, slow));

      List<ClientResponse> admitted = responses.stream().filter(r -> r.status() == 200).toList();
      assertThat(admitted).hasSize(10);
      assertThat(admitted.stream().map(r -> Long.parseLong(r.headers().get("x-ratelimit-remaining-tokens"))))
          .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 10).map(k -> k * reserve).boxed().toList());
      assertThat(responses).filteredOn(r -> r.status() == 429).hasSize(20).allSatisfy(r -> {
        assertThat(r.error().getString("type")).isEqualTo("tokens");
        assertThat(r.error().getString("message"))
            .startsWith("Rate limit reached for tenant 'acme': " + 10 * reserve + " tokens per minute. Retry in ");
      });
    }
  }

  @Test
  void two_instances_admit_exactly_the_concurrent_streams_of_the_tenant_and_free_them_at_the_end() {
    try (LimitedGateways gateways = new LimitedGateways(2, tenant(new LimitConfig(0, 0, 5), Map.of()), redis)) {
      Map<String, String> slow = Map.of("x-sim-tps", "10", "x-sim-tokens", "15");
      List<ClientResponse> responses = gateways.sendAll(15, i -> gateways.chat(i % 2, chat(true, ""), slow));

      assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(5)
          .allSatisfy(r -> assertThat(r.events()).last().isEqualTo("[DONE]"));
      assertThat(responses).filteredOn(r -> r.status() == 429).hasSize(10).allSatisfy(r -> {
        assertThat(r.error().getString("message"))
            .isEqualTo("Rate limit reached for tenant 'acme': 5 concurrent streams. Retry in 1s.");
        assertThat(r.headers().get("retry-after")).isEqualTo("1");
      });
      try (RedisKeys keys = new RedisKeys(prefix)) {
        await().atMost(Duration.ofSeconds(5)).until(() -> keys.count("rl:{acme}:leases") == 0);
      }
      assertThat(gateways.sendAll(5, i -> gateways.chat(i % 2, chat(true, ""), Map.of())))
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }
  }

  @Test
  void settles_each_reservation_to_the_usage_the_provider_reported() {
    try (LimitedGateways gateways = new LimitedGateways(2, tenant(new LimitConfig(0, 100_000, 0), Map.of()), redis);
        RedisKeys keys = new RedisKeys(prefix)) {
      ClientResponse whole = gateways.sendAll(1, i -> gateways.chat(0, chat(false, ",\"max_tokens\":500"), Map.of()))
          .get(0);
      long wholeUsage = whole.json().getJsonObject("usage").getLong("total_tokens");
      assertThat(Long.parseLong(whole.headers().get("x-ratelimit-remaining-tokens"))).isLessThan(100_000 - 500);
      await().atMost(Duration.ofSeconds(5)).until(() -> keys.number("rl:{acme}:tokens") == wholeUsage);

      String streamed = chat(true, ",\"max_tokens\":800,\"stream_options\":{\"include_usage\":true}");
      ClientResponse stream = gateways.sendAll(1, i -> gateways.chat(1, streamed, Map.of())).get(0);
      String last = stream.events().get(stream.events().size() - 2);
      long streamUsage = new JsonObject(last).getJsonObject("usage").getLong("total_tokens");
      await().atMost(Duration.ofSeconds(5)).until(() -> keys.number("rl:{acme}:tokens") == wholeUsage + streamUsage);
    }
  }

  @Test
  void counts_agent_type_limits_on_top_of_the_tenants_and_only_for_that_agent_type() {
    LimitConfig sales = new LimitConfig(3, 0, 0);
    try (LimitedGateways gateways = new LimitedGateways(1,
        tenant(new LimitConfig(10, 0, 0), Map.of("sales", sales)), redis)) {
      Map<String, String> asSales = Map.of("x-agent-type", "Sales");

      assertThat(statuses(gateways, 5, Map.of())).containsOnly(200);
      List<ClientResponse> salesResponses = sequential(gateways, 5, asSales);
      assertThat(salesResponses.stream().map(ClientResponse::status)).containsExactly(200, 200, 200, 429, 429);
      assertThat(salesResponses.get(3).error().getString("message")).isEqualTo(
          "Rate limit reached for tenant 'acme' (agent type 'sales'): 3 requests per minute. Retry in 60s.");
      // The two refused sales requests were not counted for the tenant either: 2 of 10 are left.
      List<ClientResponse> rest = sequential(gateways, 3, Map.of("x-agent-type", "support"));
      assertThat(rest.stream().map(ClientResponse::status)).containsExactly(200, 200, 429);
      assertThat(rest.get(2).error().getString("message"))
          .startsWith("Rate limit reached for tenant 'acme': 10 requests per minute. Retry in ");
    }
  }

  private static List<Integer> statuses(LimitedGateways gateways, int count, Map<String, String> headers) {
    return sequential(gateways, count, headers).stream().map(ClientResponse::status).toList();
  }

  private static List<ClientResponse> sequential(LimitedGateways gateways, int count, Map<String, String> headers) {
    return IntStream.range(0, count)
        .mapToObj(i -> gateways.sendAll(1, j -> gateways.chat(0, chat(false, ""), headers)).get(0))
        .toList();
  }

  private static ObjectNode json(String body) {
    try {
      return (ObjectNode) new ObjectMapper().readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
