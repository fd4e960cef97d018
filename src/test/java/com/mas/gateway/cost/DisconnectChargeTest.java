package com.mas.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.chat.TokenEstimator;
import com.mas.gateway.config.BudgetConfig;
import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.RedisSupport;
import com.mas.gateway.testkit.StreamProbe;
import com.mas.gateway.testkit.TestConfigs;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A client that hangs up mid-stream still pays for what it was sent. */
class DisconnectChargeTest {

  private PricedGateway gateway;

  @BeforeEach
  void start() {
    TenantConfig acme = new TenantConfig("acme", List.of(TestConfigs.sha256(TestConfigs.KEY)), List.of(), false,
        List.of(), LimitConfig.NONE, Map.of(), new BudgetConfig(10_000_000, 0, null), Map.of());
    gateway = new PricedGateway(PricedGateway.tenants(acme), PricedGateway.pricing("gpt-4o-mini", "claude-haiku-4-5"),
        new RedisConfig(RedisSupport.url(), RedisSupport.uniquePrefix(), true, true));
  }

  @AfterEach
  void close() {
    gateway.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt-4o-mini", "claude-haiku-4-5"})
  void a_client_that_hangs_up_mid_stream_is_charged_for_the_tokens_it_received(String model) {
    String body = "{\"model\":\"" + model + "\",\"stream\":true,\"max_tokens\":500,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"Describe our whole summer catalogue in detail.\"}]}";
    // OpenAI streams report usage only at the end: the gateway charges its input estimate. Anthropic
    // reports input at the start: the simulator counts a quarter token per character, rounded up.
    long input = model.startsWith("gpt")
        ? TokenEstimator.inputTokens(new JsonObject(body).mapTo(ObjectNode.class))
        : ("Describe our whole summer catalogue in detail.".length() + 3) / 4;
    StreamProbe probe = new StreamProbe(gateway.gatewayVertx);
    int status = Await.result(probe.start(gateway.gateway.port(), body, Map.of("x-sim-tokens", "300", "x-sim-tps", "20")));
    assertThat(status).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).until(() -> probe.arrivals().size() >= 8);
    probe.hangUp();
    Await.result(probe.ended());
    int received = probe.arrivals().size();

    // One micro-dollar per input token, two per output token; one output token per event sent.
    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.usage().getLong("reserved_micros") == 0);
    long spent = gateway.usage().getJsonObject("day").getLong("spent_micros");
    assertThat(spent).isBetween(input + 2L * received, input + 2L * (received + 2));
    assertThat(spent).isLessThan(input + 2L * 300); // far less than the whole answer would have cost
    Await.result(probe.close());
  }
}
