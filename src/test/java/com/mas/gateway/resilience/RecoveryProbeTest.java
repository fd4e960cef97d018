package com.mas.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.Gateway;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.config.AdminKey;
import com.mas.gateway.config.BreakerConfig;
import com.mas.gateway.config.ProbeKind;
import com.mas.gateway.routing.Target;
import com.mas.gateway.simulator.Observation;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.Fleet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Recovery probes against the simulator: each wire format's model list and a one-token
 * completion, and an open breaker that a probe closes once the simulated provider is back,
 * without any client request.
 */
class RecoveryProbeTest {

  private static final Target SIM = new Target("openai", "sim-gpt");
  private static final BreakerConfig PROBING = new BreakerConfig(true, 2, 1.0, 1000, Duration.ofSeconds(30),
      Duration.ofMillis(300), 2.0, Duration.ofMinutes(1), ProbeKind.MODELS);

  private final Fleet fleet = new Fleet(PROBING, AdminKey.NONE, null, null);

  @AfterEach
  void close() {
    fleet.close();
  }

  @Test
  void probes_every_wire_formats_model_list_and_fail_while_the_provider_is_down() {
    for (String provider : List.of("openai", "anthropic", "gemini")) {
      Await.result(fleet.probe(provider, ProbeKind.MODELS, "any"));
    }

    fleet.simulator.standingFault("status=503");
    for (String provider : List.of("openai", "anthropic", "gemini")) {
      GatewayException down = (GatewayException) Await.failure(fleet.probe(provider, ProbeKind.MODELS, "any"));
      assertThat(down.status()).as(provider).isEqualTo(503);
    }
    fleet.simulator.standingFault("reset");
    assertThat(Await.failure(fleet.probe("anthropic", ProbeKind.MODELS, "any"))).isInstanceOf(GatewayException.class);
  }

  @Test
  void a_completion_probe_asks_for_one_token() {
    for (String provider : List.of("openai", "anthropic", "gemini")) {
      Await.result(fleet.probe(provider, ProbeKind.COMPLETION, "sim-probe"));
    }

    List<Observation> probes = fleet.simulator.observations();
    assertThat(probes).hasSize(3).allSatisfy(o -> assertThat(o.body()).contains("ping"));
    assertThat(probes.get(0).body()).contains("\"max_tokens\":1");
    assertThat(probes.get(1).body()).contains("\"max_tokens\":1");
    assertThat(probes.get(2).body()).contains("\"maxOutputTokens\":1");
  }

  @Test
  void a_probe_closes_the_breaker_once_the_provider_is_back_without_client_traffic() {
    Gateway gateway = fleet.start();
    CircuitBreakers breakers = gateway.controls().breakers();
    fleet.simulator.standingFault("status=503");
    Await.failure(fleet.answer(breakers, SIM));
    Await.failure(fleet.answer(breakers, SIM));
    assertThat(breakers.view(SIM).openings()).isEqualTo(1);
    int chats = fleet.simulator.observations().size();

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
        .until(() -> breakers.view(SIM).openings() == 2);
    assertThat(breakers.view(SIM).state()).as("the failed probe reopened it").isEqualTo(BreakerView.OPEN);

    fleet.simulator.clearStandingFault();
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
        .until(() -> breakers.view(SIM).equals(BreakerView.closed(SIM)));
    assertThat(fleet.simulator.observations()).hasSize(chats);
  }
}
