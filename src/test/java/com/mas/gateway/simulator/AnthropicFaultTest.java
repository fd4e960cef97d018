package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.ProviderRequests.MESSAGES;
import static com.mas.gateway.simulator.ProviderRequests.anthropic;
import static com.mas.gateway.simulator.ProviderRequests.anthropicHeaders;
import static com.mas.gateway.simulator.ProviderRequests.anthropicStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Injected faults and forced finish reasons on {@code /v1/messages}. */
@ExtendWith(VertxExtension.class)
class AnthropicFaultTest {

  private static final String OVERLOADED_EVENT = "event: error\ndata: {\"type\":\"error\","
      + "\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";

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
  void error_after_sends_the_overloaded_error_event_and_no_message_stop() {
    SimulatorClient.Exchange reply = post(anthropicStream("sim-error-2", "hi"),
        anthropicHeaders(null, "x-request-id", "a-err"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.failure()).isNull();
    assertThat(reply.body()).endsWith("\n\n" + OVERLOADED_EVENT);
    assertThat(SseTranscript.names(reply.sse())).containsExactly("message_start",
        "content_block_start", "ping", "content_block_delta", "content_block_delta", "error");
    assertThat(outcome("a-err")).isEqualTo(Outcome.FAULT_INJECTED);
  }

  @Test
  void cut_sends_n_deltas_then_drops_the_connection() {
    SimulatorClient.Exchange reply = post(anthropicStream("sim-cut-3", "hi"),
        anthropicHeaders(null, "x-sim-seed", "1", "x-request-id", "a-cut"));

    assertThat(reply.failure()).isNotNull();
    assertThat(SseTranscript.names(reply.sse())).containsExactly("message_start",
        "content_block_start", "ping", "content_block_delta", "content_block_delta",
        "content_block_delta");
    assertThat(AnthropicStreamingTest.text(reply.sse()))
        .isEqualTo(SimulatedAnswer.text(1, AnswerLanguage.ENGLISH, 3));
    assertThat(outcome("a-cut")).isEqualTo(Outcome.FAULT_INJECTED);
  }

  @Test
  void cut_beyond_the_answer_strikes_before_content_block_stop() {
    SimulatorClient.Exchange reply = post(anthropicStream("claude-sim", "hi"),
        anthropicHeaders(null, "x-sim-fault", "cut-after=100"));

    assertThat(reply.failure()).isNotNull();
    assertThat(reply.sse()).hasSize(3 + 12);
    assertThat(SseTranscript.names(reply.sse())).doesNotContain("content_block_stop");
  }

  @Test
  void stall_sends_n_deltas_then_keeps_the_connection_silent() {
    SimulatorClient.Exchange reply = SimulatorClient.await(client.open(HttpMethod.POST, MESSAGES,
        anthropicStream("claude-sim", "hi").encode(),
        anthropicHeaders(null, "x-sim-fault", "stall-after=2", "x-request-id", "a-stall")));

    await().atMost(Duration.ofSeconds(5)).until(() -> reply.sse().size() == 5);
    long received = reply.bytesReceived();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() ->
        reply.bytesReceived() == received && !reply.ended().isComplete());
    assertThat(client.simulator().observation("a-stall").orElseThrow().outcome())
        .isEqualTo(Outcome.IN_PROGRESS);
    reply.request.connection().close();
    assertThat(outcome("a-stall")).isEqualTo(Outcome.CLIENT_CLOSED_EARLY);
  }

  @Test
  void malformed_sends_one_broken_delta_and_then_finishes_normally() {
    SimulatorClient.Exchange reply = post(anthropicStream("sim-malformed-2", "hi"),
        anthropicHeaders(null, "x-sim-seed", "1"));

    List<SseTranscript.Event> events = reply.sse();
    assertThat(events).hasSize(3 + 12 + 1 + 3);
    SseTranscript.Event broken = events.get(5);
    assertThat(broken.name()).isEqualTo("content_block_delta");
    assertThatThrownBy(broken::json).isInstanceOf(DecodeException.class);
    List<SseTranscript.Event> wellFormed = new ArrayList<>(events);
    wellFormed.remove(5);
    assertThat(AnthropicStreamingTest.text(wellFormed))
        .isEqualTo(SimulatedAnswer.text(1, AnswerLanguage.ENGLISH, 12));
    assertThat(events.get(events.size() - 1).name()).isEqualTo("message_stop");
  }

  @Test
  void reset_closes_the_connection_before_any_response() {
    Future<SimulatorClient.Exchange> reply = client.open(HttpMethod.POST, MESSAGES,
        anthropicStream("sim-reset", "hi").encode(), anthropicHeaders(null));

    assertThat(SimulatorClient.failureOf(reply)).isNotNull();
  }

  @Test
  void non_streaming_error_fault_answers_529_overloaded() {
    SimulatorClient.Exchange reply =
        post(anthropic("sim-error-0", "hi"), anthropicHeaders(null));

    assertThat(reply.status()).isEqualTo(529);
    AnthropicHttpTest.assertAnthropicError(reply, "overloaded_error");
  }

  @Test
  void finish_header_forces_refusal_on_a_stream() {
    List<SseTranscript.Event> events = post(anthropicStream("claude-sim", "hi"),
        anthropicHeaders(null, "x-sim-finish", "refusal")).sse();

    JsonObject delta = events.get(events.size() - 2).json().getJsonObject("delta");
    assertThat(delta.getString("stop_reason")).isEqualTo("refusal");
    assertThat(delta.getValue("stop_sequence")).isNull();
    assertThat(events.get(events.size() - 1).name()).isEqualTo("message_stop");
  }

  @Test
  void finish_model_name_forces_max_tokens() {
    JsonObject message = post(anthropic("sim-finish-max_tokens", "hi"),
        anthropicHeaders(null)).json();

    assertThat(message.getString("stop_reason")).isEqualTo("max_tokens");
    assertThat(message.getString("model")).isEqualTo("sim-finish-max_tokens");
  }

  @Test
  void forced_stop_sequence_reports_the_first_requested_sequence() {
    JsonObject body = anthropicStream("claude-sim", "hi")
        .put("stop_sequences", new JsonArray().add("###").add("STOP"));

    List<SseTranscript.Event> events =
        post(body, anthropicHeaders(null, "x-sim-finish", "STOP_SEQUENCE")).sse();
    JsonObject plain = post(anthropic("claude-sim", "hi"),
        anthropicHeaders(null, "x-sim-finish", "stop_sequence")).json();

    JsonObject delta = events.get(events.size() - 2).json().getJsonObject("delta");
    assertThat(delta.getString("stop_reason")).isEqualTo("stop_sequence");
    assertThat(delta.getString("stop_sequence")).isEqualTo("###");
    assertThat(plain.getString("stop_sequence")).isEqualTo("END");
  }

  @Test
  void finish_reason_of_another_format_is_refused() {
    SimulatorClient.Exchange reply = post(anthropic("claude-sim", "hi"),
        anthropicHeaders(null, "x-sim-finish", "SAFETY"));

    assertThat(reply.status()).isEqualTo(400);
    AnthropicHttpTest.assertAnthropicError(reply, "invalid_request_error");
    assertThat(reply.json().getJsonObject("error").getString("message"))
        .contains("x-sim-finish").contains("refusal");
  }

  private SimulatorClient.Exchange post(JsonObject body, Map<String, String> headers) {
    return client.post(MESSAGES, body.encode(), headers);
  }

  private Outcome outcome(String requestId) {
    await().atMost(Duration.ofSeconds(5)).until(() -> client.simulator().observation(requestId)
        .map(seen -> seen.outcome() != Outcome.IN_PROGRESS).orElse(false));
    return client.simulator().observation(requestId).orElseThrow().outcome();
  }
}
