package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.SimulatorClient.chat;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SimulatorHttpTest {

  private static final String KEY = "sk-sim-secret-123";
  private static final Map<String, String> AUTHORIZED = Map.of("Authorization", "Bearer " + KEY);

  private SimulatorClient client;

  @BeforeEach
  void start(Vertx vertx) {
    client = SimulatorClient.start(vertx,
        SimulatorOptions.defaults().withApiKey(KEY).withAnswerTokens(10));
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void answers_a_non_streaming_request_with_a_chat_completion() {
    SimulatorClient.Exchange reply =
        client.post(chat("sim-gpt", "abcd").put("seed", 12), AUTHORIZED);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("content-type")).isEqualTo("application/json");
    JsonObject completion = reply.json();
    assertThat(completion.getString("id")).startsWith("chatcmpl-");
    assertThat(completion.getString("object")).isEqualTo("chat.completion");
    assertThat(completion.getLong("created")).isPositive();
    assertThat(completion.getString("model")).isEqualTo("sim-gpt");
    assertThat(completion.getString("system_fingerprint")).startsWith("fp_");
    JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getInteger("index")).isZero();
    assertThat(choice.getString("finish_reason")).isEqualTo("stop");
    assertThat(choice.containsKey("logprobs")).isTrue();
    JsonObject message = choice.getJsonObject("message");
    assertThat(message.getString("role")).isEqualTo("assistant");
    assertThat(message.getString("content"))
        .isEqualTo(SimulatedAnswer.text(12, AnswerLanguage.ENGLISH, 10));
    assertThat(message.containsKey("refusal")).isTrue();
    assertThat(completion.getJsonObject("usage").getMap()).containsEntry("prompt_tokens", 1)
        .containsEntry("completion_tokens", 10).containsEntry("total_tokens", 11);
  }

  @Test
  void non_streaming_max_tokens_reports_length() {
    JsonObject completion =
        client.post(chat("sim-gpt", "hi").put("max_tokens", 3).put("seed", 1), AUTHORIZED).json();

    JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getString("finish_reason")).isEqualTo("length");
    assertThat(choice.getJsonObject("message").getString("content"))
        .isEqualTo(SimulatedAnswer.text(1, AnswerLanguage.ENGLISH, 3));
    assertThat(completion.getJsonObject("usage").getInteger("completion_tokens")).isEqualTo(3);
  }

  @Test
  void non_streaming_tool_call_carries_the_call_in_the_message() {
    JsonObject body = SimulatorStreamingTest.withWeatherTool(chat("sim-gpt", "weather?"))
        .put("tool_choice", new JsonObject().put("type", "function")
            .put("function", new JsonObject().put("name", "get_weather")));

    JsonObject choice =
        client.post(body, AUTHORIZED).json().getJsonArray("choices").getJsonObject(0);

    assertThat(choice.getString("finish_reason")).isEqualTo("tool_calls");
    JsonObject message = choice.getJsonObject("message");
    assertThat(message.getValue("content")).isNull();
    JsonObject call = message.getJsonArray("tool_calls").getJsonObject(0);
    assertThat(call.getString("id")).startsWith("call_");
    assertThat(call.getJsonObject("function").getString("name")).isEqualTo("get_weather");
    assertThat(new JsonObject(call.getJsonObject("function").getString("arguments")).fieldNames())
        .containsExactly("query");
  }

  @Test
  void rejects_a_missing_key_with_an_openai_401() {
    SimulatorClient.Exchange reply = client.post(chat("sim-gpt", "hi"), Map.of());

    assertThat(reply.status()).isEqualTo(401);
    assertOpenAiError(reply.json(), "invalid_request_error");
  }

  @Test
  void rejects_a_wrong_key_without_echoing_it() {
    String wrong = "sk-wrong-key-999";

    SimulatorClient.Exchange reply =
        client.post(chat("sim-gpt", "hi"), Map.of("Authorization", "Bearer " + wrong));

    assertThat(reply.status()).isEqualTo(401);
    assertOpenAiError(reply.json(), "invalid_request_error");
    assertThat(reply.json().getJsonObject("error").getString("code")).isEqualTo("invalid_api_key");
    assertThat(reply.body()).doesNotContain(wrong).doesNotContain("999").doesNotContain(KEY);
  }

  @Test
  void observation_masks_the_key_after_checking_it() {
    client.post(chat("sim-gpt", "hi"), Map.of("Authorization", "Bearer " + KEY,
        "x-request-id", "masked-1", "X-Custom", "yes"));

    Observation seen = client.simulator().observation("masked-1").orElseThrow();
    assertThat(seen.headers()).containsEntry("authorization", "Bearer ****")
        .containsEntry("x-custom", "yes");
    assertThat(seen.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(seen.model()).isEqualTo("sim-gpt");
    assertThat(seen.body()).contains("\"messages\"");
    assertThat(seen.path()).isEqualTo("/v1/chat/completions");
    assertThat(seen.bytesSent()).isPositive();
  }

  @Test
  void rejects_bad_json_with_invalid_request_error() {
    SimulatorClient.Exchange reply =
        client.post("/v1/chat/completions", "{\"model\": \"sim-gpt\",", AUTHORIZED);

    assertThat(reply.status()).isEqualTo(400);
    assertOpenAiError(reply.json(), "invalid_request_error");
  }

  @Test
  void rejects_a_request_without_messages() {
    SimulatorClient.Exchange reply =
        client.post(new JsonObject().put("model", "sim-gpt"), AUTHORIZED);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getJsonObject("error").getString("param")).isEqualTo("messages");
  }

  @Test
  void rejects_an_unreadable_simulator_header_naming_it() {
    SimulatorClient.Exchange reply = client.post(chat("sim-gpt", "hi"),
        Map.of("Authorization", "Bearer " + KEY, "x-sim-tokens", "many"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getJsonObject("error").getString("message")).contains("x-sim-tokens");
  }

  @Test
  void lists_models_in_the_openai_shape_on_both_paths() {
    for (String path : new String[] {"/v1/models", "/models"}) {
      JsonObject list = client.get(path, AUTHORIZED).json();

      assertThat(list.getString("object")).isEqualTo("list");
      JsonArray data = list.getJsonArray("data");
      assertThat(data.stream().map(model -> ((JsonObject) model).getString("id")))
          .contains("sim-gpt", "sim-fast", "gpt-4o-mini", "deepseek-chat");
      assertThat(data.getJsonObject(0).fieldNames())
          .containsExactlyInAnyOrder("id", "object", "created", "owned_by");
      assertThat(data.getJsonObject(0).getString("owned_by")).isEqualTo("simulator");
    }
  }

  @Test
  void models_need_the_key_too() {
    assertThat(client.get("/v1/models", Map.of()).status()).isEqualTo(401);
  }

  @Test
  void unknown_paths_get_an_openai_404() {
    SimulatorClient.Exchange reply = client.get("/v1/nothing", AUTHORIZED);

    assertThat(reply.status()).isEqualTo(404);
    assertOpenAiError(reply.json(), "invalid_request_error");
  }

  @Test
  void generates_a_request_id_when_none_is_sent() {
    SimulatorClient.Exchange reply = client.post(chat("sim-gpt", "hi"), AUTHORIZED);

    String id = reply.header("x-request-id");
    assertThat(id).startsWith("req_").hasSize(36);
    assertThat(client.simulator().observation(id)).isPresent();
  }

  @Test
  void observations_endpoint_lists_requests_in_arrival_order() {
    client.post(chat("sim-a", "hi"), Map.of("Authorization", "Bearer " + KEY, "x-request-id", "a"));
    client.post(chat("sim-b", "hi"), Map.of("Authorization", "Bearer " + KEY, "x-request-id", "b"));

    JsonArray listed = new JsonArray(client.get("/sim/observations", Map.of()).body());

    assertThat(listed.stream().map(entry -> ((JsonObject) entry).getString("requestId")))
        .containsExactly("a", "b");
    JsonObject first = listed.getJsonObject(0);
    assertThat(first.getString("model")).isEqualTo("sim-a");
    assertThat(first.getString("outcome")).isEqualTo("COMPLETED");
    assertThat(first.getJsonObject("headers").getString("authorization")).isEqualTo("Bearer ****");
    assertThat(client.simulator().observations()).extracting(Observation::requestId)
        .containsExactly("a", "b");
  }

  @Test
  void clearing_observations_forgets_them() {
    client.post(chat("sim-gpt", "hi"),
        Map.of("Authorization", "Bearer " + KEY, "x-request-id", "c"));

    client.simulator().clearObservations();

    assertThat(client.simulator().observations()).isEmpty();
    assertThat(client.simulator().observation("c")).isEmpty();
  }

  @Test
  void base_url_points_at_the_v1_api() {
    assertThat(client.simulator().baseUrl())
        .isEqualTo("http://127.0.0.1:" + client.simulator().port() + "/v1");
  }

  static void assertOpenAiError(JsonObject body, String type) {
    JsonObject error = body.getJsonObject("error");
    assertThat(error.fieldNames()).containsExactlyInAnyOrder("message", "type", "param", "code");
    assertThat(error.getString("message")).isNotBlank();
    assertThat(error.getString("type")).isEqualTo(type);
  }
}
