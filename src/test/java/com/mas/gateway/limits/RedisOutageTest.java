package com.mas.gateway.limits;

import static com.mas.gateway.limits.LimitedGateways.chat;
import static com.mas.gateway.limits.LimitedGateways.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.state.RedisOutage;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.RedisProxy;
import com.mas.gateway.testkit.RedisSupport;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis taken away mid-test (a proxy in front of it is cut) and given back: fail-open keeps
 * serving under per-instance limits, fail-closed refuses with 503, and the shared counters
 * resume by themselves.
 */
class RedisOutageTest {

  private static final LimitConfig TEN_PER_MINUTE = new LimitConfig(10, 0, 0);

  private final Vertx vertx = Vertx.vertx();
  private final RedisProxy proxy = new RedisProxy(vertx, RedisSupport.url());
  private final String prefix = RedisSupport.uniquePrefix();

  @AfterEach
  void close() {
    proxy.close();
    Await.result(vertx.close());
  }

  @Test
  void keeps_serving_on_per_instance_limits_while_redis_is_down_and_shares_again_when_it_is_back() {
    RedisConfig redis = new RedisConfig(proxy.url(), prefix, true, true);
    try (LimitedGateways gateways = new LimitedGateways(1, tenant(TEN_PER_MINUTE, Map.of()), redis);
        RedisKeys keys = new RedisKeys(prefix)) {
      for (int i = 0; i < 6; i++) {
        assertThat(send(gateways).headers().get("x-ratelimit-remaining-requests")).isEqualTo(Integer.toString(9 - i));
      }

      proxy.cut();
      ClientResponse during = send(gateways);
      assertThat(during.status()).isEqualTo(200);
      assertThat(during.headers().get("x-ratelimit-remaining-requests")).isEqualTo("9"); // this instance's own count
      assertThat(gateways.fallbacks(0)).isGreaterThanOrEqualTo(1);
      assertThat(gauge(gateways)).isZero();
      assertThat(gateways.gateways.get(0).lifecycle().ready()).isTrue();

      proxy.restore();
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
        send(gateways);
        return keys.count("rl:{acme}:log") == 7;
      });
      ClientResponse after = send(gateways);
      assertThat(after.headers().get("x-ratelimit-remaining-requests")).isEqualTo("2"); // 8 of 10 in Redis
      assertThat(gauge(gateways)).isEqualTo(1);
    }
  }

  @Test
  void refuses_with_503_while_redis_is_down_when_limits_fail_closed() {
    RedisConfig redis = new RedisConfig(proxy.url(), prefix, false, true);
    try (LimitedGateways gateways = new LimitedGateways(1, tenant(TEN_PER_MINUTE, Map.of()), redis)) {
      assertThat(send(gateways).status()).isEqualTo(200);

      proxy.cut();
      ClientResponse refused = send(gateways);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.error().getString("code")).isEqualTo("rate_limits_unavailable");
      assertThat(refused.headers().get("retry-after")).isEqualTo("1");
      assertThat(gateways.fallbacks(0)).isGreaterThanOrEqualTo(1);

      proxy.restore();
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
          .until(() -> send(gateways).status() == 200);
    }
  }

  private static ClientResponse send(LimitedGateways gateways) {
    return Await.result(gateways.chat(0, chat(false, ""), Map.of()));
  }

  private static double gauge(LimitedGateways gateways) {
    return gateways.registries.get(0).get(RedisOutage.AVAILABLE).tag(RedisOutage.TAG_COMPONENT, "limits").gauge()
        .value();
  }
}
