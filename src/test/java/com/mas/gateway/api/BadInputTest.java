package com.mas.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.Gateway;
import com.mas.gateway.config.ProviderType;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.GatewayClient;
import com.mas.gateway.testkit.ReplayUpstream;
import com.mas.gateway.testkit.TestConfigs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed request gets an OpenAI-style error with the right status and param, and never reaches the upstream. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

  private static final String OK_MESSAGES = "[{\"role\":\"user\",\"content\":\"hi\"}]";

  private Vertx vertx;
  private ReplayUpstream upstream;
  private GatewayClient client;

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
    upstream = Await.result(ReplayUpstream.start(vertx));
    Gateway gateway = Await.result(Gateway.start(vertx, TestConfigs.gateway(1024, List.of(),
        TestConfigs.provider("openai", ProviderType.OPENAI, upstream.baseUrl())), new SimpleMeterRegistry(), 1));
    client = new GatewayClient(vertx, gateway.port());
  }

  @AfterAll
  void stop() {
    Await.result(vertx.close());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "invalid json|{\"model\":\"gpt-4o\",|400|",
      "not an object|[1,2]|400|",
      "empty body||400|",
      "missing model|{\"messages\":" + OK_MESSAGES + "}|400|model",
      "model not a string|{\"model\":42,\"messages\":" + OK_MESSAGES + "}|400|model",
      "missing messages|{\"model\":\"gpt-4o\"}|400|messages",
      "messages not an array|{\"model\":\"gpt-4o\",\"messages\":\"hi\"}|400|messages",
      "empty messages|{\"model\":\"gpt-4o\",\"messages\":[]}|400|messages",
      "bad role|{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}|400|messages[0].role",
      "content a number|{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":5}]}|400|messages[0].content",
      "stream not boolean|{\"model\":\"gpt-4o\",\"stream\":\"yes\",\"messages\":" + OK_MESSAGES + "}|400|stream",
      "stream_options without stream|{\"model\":\"gpt-4o\",\"stream_options\":{},\"messages\":" + OK_MESSAGES + "}|400|stream_options",
      "temperature out of range|{\"model\":\"gpt-4o\",\"temperature\":3,\"messages\":" + OK_MESSAGES + "}|400|temperature",
      "max_tokens zero|{\"model\":\"gpt-4o\",\"max_tokens\":0,\"messages\":" + OK_MESSAGES + "}|400|max_tokens",
      "tools not an array|{\"model\":\"gpt-4o\",\"tools\":{},\"messages\":" + OK_MESSAGES + "}|400|tools",
      "unknown model|{\"model\":\"no-such-model\",\"messages\":" + OK_MESSAGES + "}|404|model",
      "unknown provider prefix|{\"model\":\"nowhere/gpt-4o\",\"messages\":" + OK_MESSAGES + "}|404|model",
  })
  void rejects_bad_request_with_openai_error(String label, String body, int status, String param) {
    int before = upstream.received().size();
    ClientResponse response = Await.result(client.chat(body == null ? "" : body));

    assertThat(response.status()).as(label).isEqualTo(status);
    assertOpenAiError(response);
    assertThat(response.error().getString("param")).isEqualTo(param);
    assertThat(upstream.received()).hasSize(before);
  }

  @Test
  void rejects_body_over_the_limit_with_413() {
    String big = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(2000) + "\"}]}";
    ClientResponse response = Await.result(client.chat(big));

    assertThat(response.status()).isEqualTo(413);
    assertOpenAiError(response);
    assertThat(response.error().getString("code")).isEqualTo("request_too_large");
  }

  @Test
  void rejects_wrong_content_type_with_415() {
    ClientResponse response = Await.result(client.chat("{\"model\":\"gpt-4o\",\"messages\":" + OK_MESSAGES + "}",
        Map.of("content-type", "text/plain")));

    assertThat(response.status()).isEqualTo(415);
    assertOpenAiError(response);
  }

  @Test
  void rejects_missing_key_with_401() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("content-type", "application/json");
    ClientResponse response = Await.result(client.send(HttpMethod.POST, "/v1/chat/completions", headers,
        Buffer.buffer("{\"model\":\"gpt-4o\",\"messages\":" + OK_MESSAGES + "}")));

    assertThat(response.status()).isEqualTo(401);
    assertOpenAiError(response);
    assertThat(response.error().getString("code")).isEqualTo("missing_api_key");
  }

  @Test
  void rejects_wrong_key_with_401_without_echoing_it() {
    String wrong = "sk-wrong-key-that-must-not-be-echoed";
    ClientResponse response = Await.result(client.chat("{\"model\":\"gpt-4o\",\"messages\":" + OK_MESSAGES + "}",
        Map.of("authorization", "Bearer " + wrong)));

    assertThat(response.status()).isEqualTo(401);
    assertOpenAiError(response);
    assertThat(response.body().toString()).doesNotContain(wrong).doesNotContain("must-not");
  }

  @Test
  void accepts_x_api_key_header() {
    upstream.answer(200, "application/json", "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}".getBytes(), 0);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("content-type", "application/json")
        .add("x-api-key", TestConfigs.KEY);
    ClientResponse response = Await.result(client.send(HttpMethod.POST, "/v1/chat/completions", headers,
        Buffer.buffer("{\"model\":\"gpt-4o\",\"messages\":" + OK_MESSAGES + "}")));

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void unknown_path_is_an_openai_404() {
    ClientResponse response = Await.result(client.send(HttpMethod.GET, "/v1/nothing-here",
        MultiMap.caseInsensitiveMultiMap(), Buffer.buffer()));

    assertThat(response.status()).isEqualTo(404);
    assertOpenAiError(response);
  }

  @Test
  void lists_models_for_an_authenticated_caller_only() {
    MultiMap auth = MultiMap.caseInsensitiveMultiMap().add("authorization", "Bearer " + TestConfigs.KEY);
    ClientResponse listed = Await.result(client.send(HttpMethod.GET, "/v1/models", auth, Buffer.buffer()));
    ClientResponse refused = Await.result(client.send(HttpMethod.GET, "/v1/models",
        MultiMap.caseInsensitiveMultiMap(), Buffer.buffer()));

    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().getString("object")).isEqualTo("list");
    assertThat(refused.status()).isEqualTo(401);
  }

  static void assertOpenAiError(ClientResponse response) {
    assertThat(response.headers().get("content-type")).startsWith("application/json");
    JsonObject error = response.error();
    assertThat(error).isNotNull();
    assertThat(error.fieldNames()).containsExactlyInAnyOrder("message", "type", "param", "code");
    assertThat(error.getString("message")).isNotBlank();
    assertThat(error.getString("type")).isNotBlank();
  }
}
