package com.mas.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.Gateway;
import com.mas.gateway.config.ConfigLoader;
import com.mas.gateway.simulator.Simulator;
import com.mas.gateway.simulator.SimulatorControls;
import com.mas.gateway.simulator.SimulatorOptions;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.GatewayClient;
import com.mas.gateway.testkit.TestConfigs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing over real HTTP: the gateway started from a YAML file in front of the simulator. Two
 * OpenAI-format providers serve the same simulated model; only {@code openai} passes the
 * simulator's controls on, so a client's {@code x-sim-ttft-ms} slows that provider alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingGatewayTest {

  private final Vertx upstreamVertx = Vertx.vertx();
  private final Vertx gatewayVertx = Vertx.vertx();
  private Gateway gateway;
  private GatewayClient client;

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    Simulator simulator = Await.result(Simulator.start(upstreamVertx, SimulatorOptions.defaults()));
    String base = "http://127.0.0.1:" + simulator.port();
    Path file = Files.writeString(dir.resolve("gateway.yaml"), """
        server: {host: 127.0.0.1, port: 0, managementPort: 0}
        providers:
          openai: {type: openai, baseUrl: "%1$s/v1", apiKey: sk, models: [sim-gpt], forwardHeaders: ["x-sim-*"]}
          openai-b: {type: openai, baseUrl: "%1$s/v1", apiKey: sk, models: [sim-gpt]}
          anthropic: {type: anthropic, baseUrl: "%1$s", apiKey: sk, models: [{id: sim-claude, jsonOutput: false}]}
          gemini: {type: gemini, baseUrl: "%1$s", apiKey: sk, models: [sim-gemini]}
        tenants:
          - {id: acme, keys: [%2$s]}
          - {id: gemini-only, keys: [key-gemini], allowedModels: ["gemini/*"]}
        routing:
          aliases:
            mas-fast: {targets: [openai/sim-gpt, openai-b/sim-gpt], strategy: least-latency}
            mas-json: {targets: [anthropic/sim-claude, gemini/sim-gemini]}
          rules:
            - name: compliance-review
              match: {agentType: compliance_review}
              targets: [anthropic/sim-claude, openai/sim-gpt]
        """.formatted(base, TestConfigs.KEY));
    gateway = Await.result(Gateway.start(gatewayVertx, ConfigLoader.load(file, Map.of()).config(),
        new SimpleMeterRegistry(), 2));
    client = new GatewayClient(gatewayVertx, gateway.port());
  }

  @AfterAll
  void stop() {
    Await.result(gatewayVertx.close());
    Await.result(upstreamVertx.close());
  }

  @Test
  void an_agent_profile_decides_whatever_model_the_agent_asks_for() {
    ClientResponse response = chat("gpt-4o", "", Map.of("x-agent-type", "compliance_review"));

    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    assertThat(response.headers().get("x-gateway-provider")).isEqualTo("anthropic");
    assertThat(response.headers().get("x-gateway-model")).isEqualTo("sim-claude");
  }

  @Test
  void passes_over_a_target_that_cannot_serve_the_request() {
    ClientResponse json = chat("mas-json", ",\"response_format\":{\"type\":\"json_object\"}", Map.of());
    ClientResponse text = chat("mas-json", "", Map.of());

    assertThat(json.status()).as(json.body().toString()).isEqualTo(200);
    assertThat(json.headers().get("x-gateway-provider")).isEqualTo("gemini");
    assertThat(text.headers().get("x-gateway-provider")).isEqualTo("anthropic");
  }

  @Test
  void a_tenant_gets_only_the_targets_it_may_use() {
    Map<String, String> key = Map.of("authorization", "Bearer key-gemini");

    ClientResponse allowed = chat("mas-json", "", key);
    assertThat(allowed.status()).as(allowed.body().toString()).isEqualTo(200);
    assertThat(allowed.headers().get("x-gateway-provider")).isEqualTo("gemini");

    ClientResponse refused = chat("mas-fast", "", key);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.error().getString("code")).isEqualTo("model_not_allowed");
    assertThat(modelIds(key)).contains("mas-json", "gemini/sim-gemini").doesNotContain("mas-fast");
  }

  @Test
  void lists_aliases_among_the_models() {
    assertThat(modelIds(Map.of())).startsWith("mas-fast", "mas-json").contains("openai-b/sim-gpt");
  }

  @Test
  void least_latency_moves_away_from_a_slowed_provider_and_back_after_it_recovers() {
    Map<String, String> slow = Map.of(SimulatorControls.TIME_TO_FIRST_TOKEN_MS, "150");
    serve(10, Map.of());

    serve(10, slow);
    List<String> slowed = serve(40, slow);
    assertThat(Collections.frequency(slowed, "openai")).as("exploration only: " + slowed)
        .isLessThanOrEqualTo(40 / LeastLatencyStrategy.EXPLORE_EVERY + 1);

    List<String> recent = new ArrayList<>();
    for (int batch = 0; batch < 40 && Collections.frequency(recent, "openai") < 6; batch++) {
      recent = serve(20, Map.of());
    }
    assertThat(Collections.frequency(recent, "openai")).as("traffic back on the recovered provider: " + recent)
        .isGreaterThanOrEqualTo(6);
  }

  /** {@code count} requests to mas-fast one after the other; the providers that answered. */
  private List<String> serve(int count, Map<String, String> headers) {
    List<String> providers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ClientResponse response = chat("mas-fast", "", headers);
      assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
      providers.add(response.headers().get("x-gateway-provider"));
    }
    return providers;
  }

  private ClientResponse chat(String model, String extraJson, Map<String, String> headers) {
    String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]"
        + extraJson + "}";
    return Await.result(client.chat(body, headers));
  }

  private List<String> modelIds(Map<String, String> headers) {
    MultiMap all = MultiMap.caseInsensitiveMultiMap().add("authorization", "Bearer " + TestConfigs.KEY);
    headers.forEach(all::set);
    ClientResponse response = Await.result(client.send(HttpMethod.GET, "/v1/models", all, Buffer.buffer()));
    return response.json().getJsonArray("data").stream().map(entry -> ((JsonObject) entry).getString("id")).toList();
  }
}
