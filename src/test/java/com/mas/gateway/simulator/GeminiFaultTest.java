package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.GeminiStreamingTest.candidate;
import static com.mas.gateway.simulator.GeminiStreamingTest.chunks;
import static com.mas.gateway.simulator.ProviderRequests.gemini;
import static com.mas.gateway.simulator.ProviderRequests.geminiGenerate;
import static com.mas.gateway.simulator.ProviderRequests.geminiHeaders;
import static com.mas.gateway.simulator.ProviderRequests.geminiStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Injected faults and forced finish reasons on the Gemini endpoints. */
@ExtendWith(VertxExtension.class)
class GeminiFaultTest {

  private static final String MODEL = "gemini-2.0-flash";

  private SimulatorClient client;

  @BeforeEach
  void start(Vertx vertx) {
    client = SimulatorClient.start(vertx, SimulatorOptions.defaults().withAnswerTokens(12));
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void error_after_sends_an_error_chunk_and_ends_the_stream() {
    SimulatorClient.Exchange reply =
        stream("sim-error-1", geminiHeaders(null, "x-request-id", "g-err"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.failure()).isNull();
    List<JsonObject> chunks = chunks(reply);
    assertThat(chunks).hasSize(2);
    assertThat(candidate(chunks.get(0)).containsKey("finishReason")).isFalse();
    assertThat(chunks.get(1)).isEqualTo(new JsonObject().put("error", new JsonObject()
        .put("code", 503).put("message", "The model is overloaded. Please try again later.")
        .put("status", "UNAVAILABLE")));
    assertThat(reply.body()).endsWith("\"UNAVAILABLE\"}}\r\n\r\n");
    assertThat(outcome("g-err")).isEqualTo(Outcome.FAULT_INJECTED);
  }

  @Test
  void cut_sends_n_chunks_then_drops_the_connection() {
    SimulatorClient.Exchange reply = stream("sim-cut-2", geminiHeaders(null, "x-sim-seed", "1"));

    assertThat(reply.failure()).isNotNull();
    assertThat(GeminiStreamingTest.text(chunks(reply)))
        .isEqualTo(SimulatedAnswer.text(1, AnswerLanguage.ENGLISH, 2));
  }

  @Test
  void cut_beyond_the_answer_strikes_before_the_chunk_that_finishes_it() {
    SimulatorClient.Exchange reply =
        stream(MODEL, geminiHeaders(null, "x-sim-fault", "cut-after=100"));

    assertThat(reply.failure()).isNotNull();
    assertThat(chunks(reply)).hasSize(11)
        .noneMatch(chunk -> candidate(chunk).containsKey("finishReason"));
  }

  @Test
  void stall_sends_n_chunks_then_keeps_the_connection_silent() {
    SimulatorClient.Exchange reply = SimulatorClient.await(client.open(HttpMethod.POST,
        geminiStream(MODEL), gemini("hi").encode(),
        geminiHeaders(null, "x-sim-fault", "stall-after=3", "x-request-id", "g-stall")));

    await().atMost(Duration.ofSeconds(5)).until(() -> reply.sse().size() == 3);
    long received = reply.bytesReceived();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() ->
        reply.bytesReceived() == received && !reply.ended().isComplete());
    reply.request.connection().close();
    assertThat(outcome("g-stall")).isEqualTo(Outcome.CLIENT_CLOSED_EARLY);
  }

  @Test
  void malformed_sends_one_broken_chunk_and_then_finishes_normally() {
    SimulatorClient.Exchange reply =
        stream("sim-malformed-2", geminiHeaders(null, "x-sim-seed", "1"));

    List<SseTranscript.Event> events = reply.sse();
    assertThat(events).hasSize(13);
    assertThatThrownBy(events.get(2)::json).isInstanceOf(DecodeException.class);
    List<JsonObject> wellFormed = events.stream().filter(event -> event != events.get(2))
        .map(SseTranscript.Event::json).toList();
    assertThat(GeminiStreamingTest.text(wellFormed))
        .isEqualTo(SimulatedAnswer.text(1, AnswerLanguage.ENGLISH, 12));
    assertThat(candidate(wellFormed.get(11)).getString("finishReason")).isEqualTo("STOP");
  }

  @Test
  void reset_closes_the_connection_before_any_response() {
    Future<SimulatorClient.Exchange> reply = client.open(HttpMethod.POST,
        geminiStream("sim-reset"), gemini("hi").encode(), Map.of());

    assertThat(SimulatorClient.failureOf(reply)).isNotNull();
  }

  @Test
  void non_streaming_error_fault_answers_503_unavailable() {
    SimulatorClient.Exchange reply =
        client.post(geminiGenerate("sim-error-0"), gemini("hi").encode(), Map.of());

    assertThat(reply.status()).isEqualTo(503);
    GeminiHttpTest.assertGeminiError(reply, 503, "UNAVAILABLE");
  }

  @Test
  void finish_header_safety_ends_with_a_blocked_rating() {
    List<JsonObject> chunks = chunks(stream(MODEL, geminiHeaders(null, "x-sim-finish", "safety")));

    JsonObject last = candidate(chunks.get(chunks.size() - 1));
    assertThat(chunks).hasSize(12);
    assertThat(last.getString("finishReason")).isEqualTo("SAFETY");
    assertThat(last.getJsonArray("safetyRatings").getJsonObject(0).getBoolean("blocked")).isTrue();
  }

  @Test
  void malformed_function_call_model_sends_one_chunk_without_content() {
    List<JsonObject> chunks =
        chunks(stream("sim-finish-malformed_function_call", geminiHeaders(null)));
    JsonObject whole = client.post(geminiGenerate("sim-finish-MALFORMED_FUNCTION_CALL"),
        gemini("hi").encode(), Map.of()).json();

    assertThat(chunks).hasSize(1);
    assertThat(candidate(chunks.get(0))).isEqualTo(new JsonObject()
        .put("finishReason", "MALFORMED_FUNCTION_CALL").put("index", 0));
    assertThat(chunks.get(0).getJsonObject("usageMetadata").containsKey("candidatesTokenCount"))
        .isFalse();
    assertThat(candidate(whole).containsKey("content")).isFalse();
    assertThat(candidate(whole).getString("finishReason")).isEqualTo("MALFORMED_FUNCTION_CALL");
  }

  @Test
  void finish_reason_of_another_format_is_refused_in_google_shape() {
    SimulatorClient.Exchange reply = client.post(geminiStream(MODEL), gemini("hi").encode(),
        geminiHeaders(null, "x-sim-finish", "end_turn"));

    assertThat(reply.status()).isEqualTo(400);
    GeminiHttpTest.assertGeminiError(reply, 400, "INVALID_ARGUMENT");
    assertThat(reply.json().getJsonObject("error").getString("message")).contains("x-sim-finish");
  }

  private SimulatorClient.Exchange stream(String model, Map<String, String> headers) {
    return client.post(geminiStream(model), gemini("hi").encode(), headers);
  }

  private Outcome outcome(String requestId) {
    await().atMost(Duration.ofSeconds(5)).until(() -> client.simulator().observation(requestId)
        .map(seen -> seen.outcome() != Outcome.IN_PROGRESS).orElse(false));
    return client.simulator().observation(requestId).orElseThrow().outcome();
  }
}
