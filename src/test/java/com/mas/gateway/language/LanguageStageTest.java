package com.mas.gateway.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.Gateway;
import com.mas.gateway.config.ProviderType;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.GatewayClient;
import com.mas.gateway.testkit.ReplayUpstream;
import com.mas.gateway.testkit.TestConfigs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The language stage in a running gateway: detected or declared tags, counted; bad declarations refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageStageTest {

  private static final String ANSWER = "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
      + "\"message\":{\"role\":\"assistant\",\"content\":\"好\"},\"finish_reason\":\"stop\"}]}";

  private Vertx vertx;
  private ReplayUpstream upstream;
  private GatewayClient client;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
    upstream = Await.result(ReplayUpstream.start(vertx));
    upstream.answer(200, "application/json", ANSWER.getBytes(StandardCharsets.UTF_8), 0);
    Gateway gateway = Await.result(Gateway.start(vertx, TestConfigs.gateway(
        TestConfigs.provider("openai", ProviderType.OPENAI, upstream.baseUrl())), registry, 1));
    client = new GatewayClient(vertx, gateway.port());
  }

  @AfterAll
  void stop() {
    Await.result(vertx.close());
  }

  @Test
  void counts_requests_by_the_detected_language() {
    double before = requests("zh-Hant");

    ClientResponse response = Await.result(client.chat(chat("請問這款精華適合油性肌膚嗎？", null)));

    assertThat(response.status()).isEqualTo(200);
    assertThat(requests("zh-Hant")).isEqualTo(before + 1);
  }

  @Test
  void header_overrides_detection() {
    double before = requests("ja");

    ClientResponse response = Await.result(client.chat(chat("这款精华适合油性皮肤吗？", null), Map.of("X-Language", "ja-jp")));

    assertThat(response.status()).isEqualTo(200);
    assertThat(requests("ja")).isEqualTo(before + 1);
  }

  @Test
  void metadata_overrides_detection_and_the_header_overrides_metadata() {
    double hans = requests("zh-Hans");
    double ko = requests("ko");

    Await.result(client.chat(chat("Is this serum good for oily skin?", "zh-Hans-SG")));
    Await.result(client.chat(chat("Is this serum good for oily skin?", "zh-Hans"), Map.of("X-Language", "ko")));

    assertThat(requests("zh-Hans")).isEqualTo(hans + 1);
    assertThat(requests("ko")).isEqualTo(ko + 1);
  }

  @Test
  void refuses_a_malformed_header_with_an_openai_error_naming_it() {
    int upstreamCalls = upstream.received().size();

    ClientResponse response = Await.result(client.chat(chat("hi", null), Map.of("X-Language", "traditional chinese")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.error().getString("param")).isEqualTo("X-Language");
    assertThat(response.error().getString("type")).isEqualTo("invalid_request_error");
    assertThat(upstream.received()).hasSize(upstreamCalls);
  }

  @Test
  void refuses_malformed_metadata_naming_it() {
    String notAString = new JsonObject().put("model", "gpt-4o")
        .put("messages", List.of(Map.of("role", "user", "content", "hi")))
        .put("metadata", Map.of("language", 42)).encode();

    ClientResponse wrongType = Await.result(client.chat(notAString));
    ClientResponse notATag = Await.result(client.chat(chat("hi", "繁體中文")));

    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.error().getString("param")).isEqualTo("metadata.language");
    assertThat(notATag.status()).isEqualTo(400);
    assertThat(notATag.error().getString("param")).isEqualTo("metadata.language");
  }

  private double requests(String language) {
    Counter counter = registry.find(LanguageMetrics.REQUESTS).tag(LanguageMetrics.TAG_LANGUAGE, language).counter();
    return counter == null ? 0 : counter.count();
  }

  private static String chat(String text, String metadataLanguage) {
    JsonObject body = new JsonObject().put("model", "gpt-4o")
        .put("messages", List.of(Map.of("role", "user", "content", text)));
    if (metadataLanguage != null) {
      body.put("metadata", Map.of("language", metadataLanguage));
    }
    return body.encode();
  }
}
