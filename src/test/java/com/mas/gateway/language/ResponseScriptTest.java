package com.mas.gateway.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.Gateway;
import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.config.ResponseScript;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.simulator.AnswerLanguage;
import com.mas.gateway.simulator.Observation;
import com.mas.gateway.simulator.SimulatedAnswer;
import com.mas.gateway.simulator.Simulator;
import com.mas.gateway.simulator.SimulatorOptions;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.GatewayClient;
import com.mas.gateway.testkit.TestConfigs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A question in Traditional characters, through the gateway, to a simulator that answers in
 * Simplified: with {@code responseScript: match} the client reads Traditional, and the upstream
 * was asked for it; without, the answer arrives as written.
 */
class ResponseScriptTest {

  private static final String MATCH_KEY = "tenant-match-key";
  private static final String TRADITIONAL_QUESTION = "請問這款精華液適合乾燥肌膚嗎？會不會太油膩？";
  private static final int TOKENS = 60;
  private static final long SEED = 5;

  private static final Vertx upstreamVertx = Vertx.vertx();
  private static final Vertx gatewayVertx = Vertx.vertx();
  private static Simulator simulator;
  private static GatewayClient client;
  private static Languages languages;

  @BeforeAll
  static void start() {
    simulator = Await.result(Simulator.start(upstreamVertx, SimulatorOptions.defaults()));
    GatewayConfig base = TestConfigs.simulated(simulator, TestConfigs.timeouts(5_000, 5_000));
    TenantConfig plain = base.tenants().get(0);
    TenantConfig matching = new TenantConfig("matching", List.of(TestConfigs.sha256(MATCH_KEY)), List.of(), false,
        List.of(), null, Map.of(), null, Map.of(), ResponseScript.MATCH);
    GatewayConfig config = new GatewayConfig(base.server(), base.providers(), base.models(), List.of(plain, matching),
        false, base.redis(), base.pricing(), base.routing());
    Gateway gateway = Await.result(Gateway.start(gatewayVertx, config, new SimpleMeterRegistry(), 1));
    client = new GatewayClient(gatewayVertx, gateway.port());
    languages = Languages.shared();
  }

  @AfterAll
  static void stop() {
    Await.result(gatewayVertx.close());
    Await.result(upstreamVertx.close());
  }

  @Test
  void streams_a_simplified_answer_in_traditional_when_matching() {
    String simplified = SimulatedAnswer.text(SEED, AnswerLanguage.SIMPLIFIED_CHINESE, TOKENS);
    String answer = streamed(MATCH_KEY);

    assertThat(answer).isEqualTo(languages.fidelity("zh-Hant").convert(simplified)).isNotEqualTo(simplified);
    assertThat(languages.detect(answer)).isEqualTo("zh-Hant");
    assertThat(lastUpstreamSystemPrompt()).isEqualTo(languages.fidelity("zh-Hant").instruction());
  }

  @Test
  void converts_a_whole_answer_when_matching() {
    ClientResponse response = Await.result(client.chat(body(false), headers(MATCH_KEY)));
    String simplified = SimulatedAnswer.text(SEED, AnswerLanguage.SIMPLIFIED_CHINESE, TOKENS);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"))
        .isEqualTo(languages.fidelity("zh-Hant").convert(simplified));
  }

  @Test
  void leaves_the_answer_as_written_when_off() {
    String answer = streamed(TestConfigs.KEY);

    assertThat(answer).isEqualTo(SimulatedAnswer.text(SEED, AnswerLanguage.SIMPLIFIED_CHINESE, TOKENS));
    assertThat(lastUpstreamSystemPrompt()).isNull();
  }

  private static String streamed(String key) {
    ClientResponse response = Await.result(client.chat(body(true), headers(key)));
    assertThat(response.status()).isEqualTo(200);
    return ChatAssembler.ofEvents(response.events()).text();
  }

  private static String body(boolean stream) {
    return new JsonObject().put("model", "openai/sim-gpt").put("stream", stream).put("seed", SEED)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", TRADITIONAL_QUESTION)))
        .encode();
  }

  private static Map<String, String> headers(String key) {
    return Map.of("authorization", "Bearer " + key, "x-sim-tokens", Integer.toString(TOKENS),
        "x-sim-language", "zh-Hans");
  }

  /** The system message of the last request the simulator served, or null when it had none. */
  private static String lastUpstreamSystemPrompt() {
    List<Observation> served = simulator.observations();
    JsonObject request = new JsonObject(served.get(served.size() - 1).body());
    JsonObject first = request.getJsonArray("messages").getJsonObject(0);
    return "system".equals(first.getString("role")) ? first.getString("content") : null;
  }
}
