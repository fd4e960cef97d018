package com.mas.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.Gateway;
import com.mas.gateway.config.BreakerConfig;
import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.config.ProbeKind;
import com.mas.gateway.config.ProviderType;
import com.mas.gateway.simulator.Simulator;
import com.mas.gateway.simulator.SimulatorOptions;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.GatewayClient;
import com.mas.gateway.testkit.SimulatedUpstream;
import com.mas.gateway.testkit.TestConfigs;
import com.mas.gateway.testkit.TestPlans;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failover and the breakers together, through the chat endpoint: a primary provider that is down
 * (its own simulator answering 529 to everything) fails over to the backup unseen; after the
 * threshold its breaker opens and requests go straight to the backup (one attempt); once the
 * primary recovers, the breaker's probe notices without client traffic and the primary answers
 * again.
 */
class BreakerFailoverTest {

  private static final String PLAN = "primary/sim-gpt, backup/sim-gpt";
  private static final BreakerConfig BREAKERS = new BreakerConfig(true, 2, 1.0, 1000, Duration.ofSeconds(30),
      Duration.ofMillis(300), 2.0, Duration.ofSeconds(5), ProbeKind.MODELS);

  private final Vertx upstreamVertx = Vertx.vertx();
  private final Vertx gatewayVertx = Vertx.vertx();
  private Simulator primary;
  private GatewayClient client;

  @BeforeEach
  void start() {
    primary = Await.result(Simulator.start(upstreamVertx, SimulatorOptions.defaults()));
    Simulator backup = Await.result(Simulator.start(upstreamVertx, SimulatorOptions.defaults()));
    var timeouts = TestConfigs.timeouts(2_000, 2_000);
    GatewayConfig config = TestConfigs.gateway(
            TestConfigs.provider("primary", ProviderType.OPENAI, primary.baseUrl(), timeouts),
            TestConfigs.provider("backup", ProviderType.OPENAI, backup.baseUrl(), timeouts))
        .withRouting(TestPlans.routing(List.of(PLAN)))
        .withBreakers(BREAKERS);
    Gateway gateway = Await.result(Gateway.start(gatewayVertx, config, new SimpleMeterRegistry(), 1));
    client = new GatewayClient(gatewayVertx, gateway.port());
  }

  @AfterEach
  void stop() {
    Await.result(gatewayVertx.close());
    Await.result(upstreamVertx.close());
  }

  @Test
  void a_down_provider_is_failed_over_then_skipped_while_open_and_used_again_once_it_recovers() {
    primary.standingFault("status=529");

    for (int i = 0; i < 2; i++) {
      assertAnsweredBy(chat(), "backup", "2");
    }
    assertAnsweredBy(chat(), "backup", "1"); // the breaker is open: the primary is not even tried

    primary.clearStandingFault();
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
        .until(() -> "primary".equals(chat().headers().get("x-gateway-provider")));
    assertAnsweredBy(chat(), "primary", "1");
  }

  private ClientResponse chat() {
    return Await.result(client.chat(SimulatedUpstream.chat(PLAN, true)));
  }

  private static void assertAnsweredBy(ClientResponse response, String provider, String attempts) {
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("x-gateway-provider")).isEqualTo(provider);
    assertThat(response.headers().get("x-gateway-attempts")).isEqualTo(attempts);
    assertThat(response.events()).last().isEqualTo("[DONE]");
  }
}
