package com.mas.gateway.limits;

import static com.mas.gateway.limits.LimitedGateways.chat;
import static com.mas.gateway.limits.LimitedGateways.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.state.RedisOutage;
import com.mas.gateway.testkit.ClientResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without Redis, one instance enforces the same limits in memory (the embedded default). */
class InMemoryLimitsTest {

  @Test
  void one_instance_without_redis_admits_exactly_the_requests_per_minute() {
    try (LimitedGateways gateways = new LimitedGateways(1, tenant(new LimitConfig(20, 0, 0), Map.of()),
        RedisConfig.IN_MEMORY)) {
      List<ClientResponse> responses = gateways.sendAll(60, i -> gateways.chat(0, chat(false, ""), Map.of()));

      assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(20);
      assertThat(responses).filteredOn(r -> r.status() == 429).hasSize(40)
          .allSatisfy(r -> assertThat(r.error().getString("message"))
              .startsWith("Rate limit reached for tenant 'acme': 20 requests per minute. Retry in "));
      assertThat(gateways.registries.get(0).find(RedisOutage.FALLBACKS).counter()).isNull();
    }
  }

  @Test
  void one_instance_without_redis_admits_exactly_the_concurrent_streams() {
    try (LimitedGateways gateways = new LimitedGateways(1, tenant(new LimitConfig(0, 0, 3), Map.of()),
        RedisConfig.IN_MEMORY)) {
      Map<String, String> slow = Map.of("x-sim-tps", "10", "x-sim-tokens", "10");
      List<ClientResponse> responses = gateways.sendAll(9, i -> gateways.chat(0, chat(true, ""), slow));

      assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(3);
      assertThat(responses).filteredOn(r -> r.status() == 429).hasSize(6);
      assertThat(gateways.sendAll(3, i -> gateways.chat(0, chat(true, ""), Map.of())))
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }
  }

  @Test
  void a_tenant_without_limits_gets_no_rate_limit_headers() {
    try (LimitedGateways gateways = new LimitedGateways(1, tenant(LimitConfig.NONE, Map.of()), RedisConfig.IN_MEMORY)) {
      ClientResponse response = gateways.sendAll(1, i -> gateways.chat(0, chat(false, ""), Map.of())).get(0);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.headers().names()).noneMatch(name -> name.startsWith("x-ratelimit"));
    }
  }
}
