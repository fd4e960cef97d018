package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.ProviderRequests.gemini;
import static com.mas.gateway.simulator.ProviderRequests.geminiGenerate;
import static com.mas.gateway.simulator.ProviderRequests.geminiHeaders;
import static com.mas.gateway.simulator.ProviderRequests.geminiStream;
import static com.mas.gateway.simulator.ProviderRequests.withGeminiTool;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gemini generateContent without streaming: bodies, keys, required fields and errors. */
@ExtendWith(VertxExtension.class)
class GeminiHttpTest {

  private static final String KEY = "AIza-sim-secret-123";
  private static final String MODEL = "gemini-2.5-flash";

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
  void answers_generate_content_with_one_laid_out_response() {
    SimulatorClient.Exchange reply = generate(MODEL, gemini("abcd"),
        geminiHeaders(KEY, "x-sim-seed", "12"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("content-type")).isEqualTo("application/json");
    assertThat(reply.body()).startsWith("{\n  \"candidates\": [\n    {\n").endsWith("}\n");
    JsonObject response = reply.json();
    assertThat(response.fieldNames()).containsExactlyInAnyOrder(
        "candidates", "usageMetadata", "modelVersion", "responseId");
    JsonObject candidate = GeminiStreamingTest.candidate(response);
    assertThat(candidate.getJsonObject("content")).isEqualTo(new JsonObject()
        .put("parts", new JsonArray().add(new JsonObject()
            .put("text", SimulatedAnswer.text(12, AnswerLanguage.ENGLISH, 10))))
        .put("role", "model"));
    assertThat(candidate.getString("finishReason")).isEqualTo("STOP");
    assertThat(response.getJsonObject("usageMetadata").getMap())
        .containsEntry("promptTokenCount", 1).containsEntry("candidatesTokenCount", 10)
        .containsEntry("totalTokenCount", 11);
    assertThat(response.getString("modelVersion")).isEqualTo(MODEL);
  }

  @Test
  void non_streamed_function_call_carries_its_args() {
    JsonObject response = generate(MODEL, withGeminiTool(gemini("weather?")),
        geminiHeaders(KEY, "x-sim-seed", "6")).json();

    String word = SimulatedAnswer.tokens(6, AnswerLanguage.ENGLISH, 1).get(0).trim();
    assertThat(GeminiStreamingTest.part(response).getJsonObject("functionCall")).isEqualTo(
        new JsonObject().put("name", "get_weather").put("args", new JsonObject().put("query", word)));
    assertThat(GeminiStreamingTest.candidate(response).getString("finishReason")).isEqualTo("STOP");
  }

  @Test
  void a_wrong_or_missing_key_is_400_api_key_invalid_without_echoing_it() {
    SimulatorClient.Exchange wrong = generate(MODEL, gemini("hi"), geminiHeaders("AIza-wrong-999"));
    SimulatorClient.Exchange missing = generate(MODEL, gemini("hi"), geminiHeaders(null));

    for (SimulatorClient.Exchange reply : List.of(wrong, missing)) {
      assertThat(reply.status()).isEqualTo(400);
      assertGeminiError(reply, 400, "INVALID_ARGUMENT");
      JsonObject info = reply.json().getJsonObject("error").getJsonArray("details")
          .getJsonObject(0);
      assertThat(info.getString("@type")).isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
      assertThat(info.getString("reason")).isEqualTo("API_KEY_INVALID");
      assertThat(reply.body()).doesNotContain("wrong-999").doesNotContain(KEY);
    }
  }

  @Test
  void accepts_the_key_as_a_query_parameter_and_never_records_it() {
    SimulatorClient.Exchange reply = client.post(geminiStream(MODEL) + "&key=" + KEY,
        gemini("hi").encode(), Map.of("x-request-id", "g-query"));

    assertThat(reply.status()).isEqualTo(200);
    Observation seen = client.simulator().observation("g-query").orElseThrow();
    assertThat(seen.path()).isEqualTo("/v1beta/models/" + MODEL + ":streamGenerateContent");
    assertThat(seen.toString()).doesNotContain(KEY);
  }

  @ParameterizedTest
  @CsvSource({"400,INVALID_ARGUMENT", "403,PERMISSION_DENIED", "404,NOT_FOUND",
      "429,RESOURCE_EXHAUSTED", "500,INTERNAL", "503,UNAVAILABLE"})
  void status_faults_answer_with_google_error_bodies(int status, String name) {
    SimulatorClient.Exchange reply =
        generate("sim-status-" + status, gemini("hi"), geminiHeaders(KEY));

    assertThat(reply.status()).isEqualTo(status);
    assertGeminiError(reply, status, name);
    assertThat(reply.header("retry-after")).isNull();
  }

  @Test
  void rate_limit_carries_the_retry_delay_in_retry_info() {
    SimulatorClient.Exchange byModel = generate("sim-status-429", gemini("hi"), geminiHeaders(KEY));
    SimulatorClient.Exchange byHeader = generate(MODEL, gemini("hi"),
        geminiHeaders(KEY, "x-sim-fault", "status=429;retry-after=7"));

    assertThat(retryDelay(byModel)).isEqualTo("1s");
    assertThat(retryDelay(byHeader)).isEqualTo("7s");
  }

  @Test
  void rejects_a_request_without_contents() {
    SimulatorClient.Exchange reply =
        generate(MODEL, new JsonObject().put("contents", new JsonArray()), geminiHeaders(KEY));

    assertThat(reply.status()).isEqualTo(400);
    assertGeminiError(reply, 400, "INVALID_ARGUMENT");
    assertThat(reply.json().getJsonObject("error").getString("message")).contains("contents");
  }

  @Test
  void unknown_method_gets_a_google_404() {
    SimulatorClient.Exchange reply = client.post("/v1beta/models/" + MODEL + ":countTokens",
        gemini("hi").encode(), geminiHeaders(KEY));

    assertThat(reply.status()).isEqualTo(404);
    assertGeminiError(reply, 404, "NOT_FOUND");
  }

  @Test
  void observation_records_the_model_from_the_path_with_the_key_masked() {
    client.post(geminiStream(MODEL), gemini("hi").encode(),
        geminiHeaders(KEY, "x-request-id", "g-seen"));

    Observation seen = client.simulator().observation("g-seen").orElseThrow();
    assertThat(seen.model()).isEqualTo(MODEL);
    assertThat(seen.stream()).isTrue();
    assertThat(seen.headers()).containsEntry("x-goog-api-key", "****");
    assertThat(seen.body()).contains("\"contents\"");
    assertThat(seen.eventsSent()).isEqualTo(10);
    assertThat(seen.outcome()).isEqualTo(Outcome.COMPLETED);
  }

  static void assertGeminiError(SimulatorClient.Exchange reply, int code, String status) {
    assertThat(reply.header("content-type")).isEqualTo("application/json");
    assertThat(reply.body()).startsWith("{\n  \"error\": {\n    \"code\": " + code + ",\n");
    JsonObject body = reply.json();
    assertThat(body.fieldNames()).containsExactly("error");
    JsonObject error = body.getJsonObject("error");
    assertThat(error.fieldNames()).contains("code", "message", "status")
        .isSubsetOf("code", "message", "status", "details");
    assertThat(error.getInteger("code")).isEqualTo(code);
    assertThat(error.getString("status")).isEqualTo(status);
    assertThat(error.getString("message")).isNotBlank();
  }

  private static String retryDelay(SimulatorClient.Exchange reply) {
    JsonArray details = reply.json().getJsonObject("error").getJsonArray("details");
    return details.stream().map(JsonObject.class::cast)
        .filter(d -> d.getString("@type").endsWith("google.rpc.RetryInfo"))
        .map(d -> d.getString("retryDelay")).findFirst().orElseThrow();
  }

  private SimulatorClient.Exchange generate(
      String model, JsonObject body, Map<String, String> headers) {
    return client.post(geminiGenerate(model), body.encode(), headers);
  }
}
