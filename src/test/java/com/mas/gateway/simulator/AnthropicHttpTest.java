package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.ProviderRequests.MESSAGES;
import static com.mas.gateway.simulator.ProviderRequests.anthropic;
import static com.mas.gateway.simulator.ProviderRequests.anthropicHeaders;
import static com.mas.gateway.simulator.ProviderRequests.withAnthropicTool;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Anthropic Messages without streaming: bodies, keys, required fields and error bodies. */
@ExtendWith(VertxExtension.class)
class AnthropicHttpTest {

  private static final String KEY = "sk-ant-sim-secret-123";

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
  void answers_a_non_streaming_request_with_a_message() {
    JsonObject body = anthropic("claude-sim", "abcd").put("system",
        new JsonArray().add(new JsonObject().put("type", "text")
            .put("text", "efgh")));

    SimulatorClient.Exchange reply = post(body, anthropicHeaders(KEY, "x-sim-seed", "12"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("content-type")).isEqualTo("application/json");
    JsonObject message = reply.json();
    assertThat(message.fieldNames()).containsExactlyInAnyOrder("id", "type", "role", "model",
        "content", "stop_reason", "stop_sequence", "usage");
    assertThat(message.getString("id")).startsWith("msg_");
    assertThat(message.getString("type")).isEqualTo("message");
    assertThat(message.getString("role")).isEqualTo("assistant");
    assertThat(message.getString("model")).isEqualTo("claude-sim");
    assertThat(message.getJsonArray("content")).containsExactly(new JsonObject()
        .put("type", "text").put("text", SimulatedAnswer.text(12, AnswerLanguage.ENGLISH, 10)));
    assertThat(message.getString("stop_reason")).isEqualTo("end_turn");
    assertThat(message.getValue("stop_sequence")).isNull();
    assertThat(message.getJsonObject("usage")).isEqualTo(new JsonObject()
        .put("input_tokens", 2).put("cache_creation_input_tokens", 0)
        .put("cache_read_input_tokens", 0).put("output_tokens", 10));
  }

  @Test
  void non_streaming_tool_use_carries_the_input_object() {
    JsonObject message = post(withAnthropicTool(anthropic("claude-sim", "weather?")),
        anthropicHeaders(KEY, "x-sim-seed", "6")).json();

    JsonObject block = message.getJsonArray("content").getJsonObject(0);
    assertThat(block.getString("type")).isEqualTo("tool_use");
    assertThat(block.getString("id")).startsWith("toolu_");
    assertThat(block.getString("name")).isEqualTo("get_weather");
    String word = SimulatedAnswer.tokens(6, AnswerLanguage.ENGLISH, 1).get(0).trim();
    assertThat(block.getJsonObject("input")).isEqualTo(new JsonObject().put("query", word));
    assertThat(message.getString("stop_reason")).isEqualTo("tool_use");
    assertThat(message.getJsonObject("usage").getInteger("output_tokens")).isEqualTo(5);
  }

  @Test
  void rejects_a_missing_key_with_an_authentication_error_carrying_the_request_id() {
    SimulatorClient.Exchange reply =
        post(anthropic("claude-sim", "hi"), anthropicHeaders(null, "x-request-id", "a-401"));

    assertThat(reply.status()).isEqualTo(401);
    assertAnthropicError(reply, "authentication_error");
    assertThat(reply.json().getString("request_id")).isEqualTo("a-401");
    assertThat(reply.header("request-id")).isEqualTo("a-401");
  }

  @Test
  void rejects_a_wrong_key_without_echoing_it() {
    SimulatorClient.Exchange reply =
        post(anthropic("claude-sim", "hi"), anthropicHeaders("sk-ant-wrong-999"));

    assertThat(reply.status()).isEqualTo(401);
    assertAnthropicError(reply, "authentication_error");
    assertThat(reply.body()).doesNotContain("wrong-999").doesNotContain(KEY);
  }

  @Test
  void accepts_the_key_as_a_bearer_token() {
    SimulatorClient.Exchange reply = post(anthropic("claude-sim", "hi"),
        Map.of("anthropic-version", "2023-06-01", "Authorization", "Bearer " + KEY));

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void requires_the_anthropic_version_header() {
    SimulatorClient.Exchange reply = post(anthropic("claude-sim", "hi"), Map.of("x-api-key", KEY));

    assertThat(reply.status()).isEqualTo(400);
    assertAnthropicError(reply, "invalid_request_error");
    assertThat(message(reply)).contains("anthropic-version");
  }

  @Test
  void requires_max_tokens_and_messages() {
    JsonObject noMax = anthropic("claude-sim", "hi");
    noMax.remove("max_tokens");
    JsonObject noMessages = anthropic("claude-sim", "hi");
    noMessages.remove("messages");

    SimulatorClient.Exchange withoutMax = post(noMax, anthropicHeaders(KEY));
    SimulatorClient.Exchange withoutMessages = post(noMessages, anthropicHeaders(KEY));
    SimulatorClient.Exchange broken =
        client.post(MESSAGES, "{\"model\":", anthropicHeaders(KEY));

    assertThat(withoutMax.status()).isEqualTo(400);
    assertAnthropicError(withoutMax, "invalid_request_error");
    assertThat(message(withoutMax)).contains("max_tokens");
    assertThat(withoutMessages.status()).isEqualTo(400);
    assertThat(message(withoutMessages)).contains("messages");
    assertThat(broken.status()).isEqualTo(400);
    assertAnthropicError(broken, "invalid_request_error");
  }

  @ParameterizedTest
  @CsvSource({"400,invalid_request_error", "401,authentication_error", "403,permission_error",
      "404,not_found_error", "413,request_too_large", "429,rate_limit_error", "500,api_error",
      "504,timeout_error", "529,overloaded_error"})
  void status_faults_answer_with_anthropic_error_bodies(int status, String type) {
    SimulatorClient.Exchange reply = post(anthropic("sim-status-" + status, "hi"),
        anthropicHeaders(KEY, "x-request-id", "a-" + status));

    assertThat(reply.status()).isEqualTo(status);
    assertAnthropicError(reply, type);
    assertThat(reply.json().getString("request_id")).isEqualTo("a-" + status);
    assertThat(reply.header("retry-after")).isEqualTo(status == 429 ? "1" : null);
  }

  @Test
  void status_fault_header_sets_retry_after() {
    SimulatorClient.Exchange reply = post(anthropic("claude-sim", "hi"),
        anthropicHeaders(KEY, "x-sim-fault", "status=529;retry-after=7"));

    assertThat(reply.status()).isEqualTo(529);
    assertThat(reply.header("retry-after")).isEqualTo("7");
    assertThat(reply.json().getJsonObject("error")).isEqualTo(new JsonObject()
        .put("type", "overloaded_error").put("message", "Overloaded"));
  }

  @Test
  void unreadable_simulator_header_is_an_anthropic_400_naming_it() {
    SimulatorClient.Exchange reply =
        post(anthropic("claude-sim", "hi"), anthropicHeaders(KEY, "x-sim-tokens", "many"));

    assertThat(reply.status()).isEqualTo(400);
    assertAnthropicError(reply, "invalid_request_error");
    assertThat(message(reply)).contains("x-sim-tokens");
  }

  @Test
  void unknown_messages_path_gets_an_anthropic_404() {
    SimulatorClient.Exchange reply =
        client.post(MESSAGES + "/batches", "{}", anthropicHeaders(KEY, "x-request-id", "a-nf"));

    assertThat(reply.status()).isEqualTo(404);
    assertAnthropicError(reply, "not_found_error");
  }

  @Test
  void observation_records_the_request_with_the_key_masked() {
    post(anthropic("claude-sim", "hi").put("stream", true),
        anthropicHeaders(KEY, "x-request-id", "a-seen"));

    Observation seen = client.simulator().observation("a-seen").orElseThrow();
    assertThat(seen.path()).isEqualTo(MESSAGES);
    assertThat(seen.model()).isEqualTo("claude-sim");
    assertThat(seen.stream()).isTrue();
    assertThat(seen.body()).contains("\"max_tokens\"");
    assertThat(seen.headers()).containsEntry("x-api-key", "****")
        .containsEntry("anthropic-version", "2023-06-01");
    assertThat(seen.headers().values()).noneMatch(value -> value.contains(KEY));
    assertThat(seen.eventsSent()).isEqualTo(3 + 10 + 3);
    assertThat(seen.outcome()).isEqualTo(Outcome.COMPLETED);
  }

  static void assertAnthropicError(SimulatorClient.Exchange reply, String type) {
    assertThat(reply.header("content-type")).isEqualTo("application/json");
    JsonObject body = reply.json();
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("type", "error", "request_id");
    assertThat(body.getString("type")).isEqualTo("error");
    assertThat(body.getString("request_id")).isEqualTo(reply.header("request-id"));
    JsonObject error = body.getJsonObject("error");
    assertThat(error.fieldNames()).containsExactlyInAnyOrder("type", "message");
    assertThat(error.getString("type")).isEqualTo(type);
    assertThat(error.getString("message")).isNotBlank();
  }

  private static String message(SimulatorClient.Exchange reply) {
    return reply.json().getJsonObject("error").getString("message");
  }

  private SimulatorClient.Exchange post(JsonObject body, Map<String, String> headers) {
    return client.post(MESSAGES, body.encode(), headers);
  }
}
