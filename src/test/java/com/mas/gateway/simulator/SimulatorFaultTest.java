package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.SimulatorClient.chat;
import static com.mas.gateway.simulator.SimulatorClient.streamingChat;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SimulatorFaultTest {

  private static final String TEXT = SimulatedAnswer.text(1, AnswerLanguage.ENGLISH, 12);

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
  void status_fault_header_sends_that_status_with_retry_after() {
    SimulatorClient.Exchange reply = client.post(streamingChat("gpt-4o", "hi"),
        Map.of("x-sim-fault", "status=429;retry-after=2", "x-request-id", "f-429"));

    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.header("retry-after")).isEqualTo("2");
    assertThat(reply.header("content-type")).isEqualTo("application/json");
    SimulatorHttpTest.assertOpenAiError(reply.json(), "requests");
    assertThat(reply.json().getJsonObject("error").getString("code"))
        .isEqualTo("rate_limit_exceeded");
    assertThat(outcome("f-429")).isEqualTo(Outcome.FAULT_INJECTED);
  }

  @Test
  void status_model_names_send_openai_error_bodies() {
    SimulatorClient.Exchange limited = client.post(chat("sim-status-429", "hi"), Map.of());
    SimulatorClient.Exchange failed = client.post(chat("sim-status-500", "hi"), Map.of());
    SimulatorClient.Exchange overloaded = client.post(chat("sim-status-503", "hi"), Map.of());

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("retry-after")).isEqualTo("1");
    assertThat(failed.status()).isEqualTo(500);
    SimulatorHttpTest.assertOpenAiError(failed.json(), "server_error");
    assertThat(failed.header("retry-after")).isNull();
    assertThat(overloaded.status()).isEqualTo(503);
    assertThat(overloaded.json().getJsonObject("error").getString("message"))
        .contains("The engine is currently overloaded");
  }

  @Test
  void reset_closes_the_connection_before_any_response() {
    Future<SimulatorClient.Exchange> reply = client.open(HttpMethod.POST, "/v1/chat/completions",
        streamingChat("sim-reset", "hi").encode(), Map.of("x-request-id", "f-reset"));

    assertThat(SimulatorClient.failureOf(reply)).isNotNull();
    assertThat(outcome("f-reset")).isEqualTo(Outcome.FAULT_INJECTED);
  }

  @Test
  void cut_sends_n_content_events_then_drops_the_connection() {
    SimulatorClient.Exchange reply = client.post(
        streamingChat("sim-cut-3", "hi").put("seed", 1), Map.of("x-request-id", "f-cut"));

    assertThat(reply.failure()).isNotNull();
    assertThat(reply.events()).hasSize(1 + 3).doesNotContain("[DONE]");
    assertThat(reply.content()).isEqualTo(SimulatedAnswer.text(1, AnswerLanguage.ENGLISH, 3));
    assertThat(reply.chunks()).allSatisfy(chunk -> assertThat(
        SimulatorStreamingTest.choice(chunk).getValue("finish_reason")).isNull());
    assertThat(outcome("f-cut")).isEqualTo(Outcome.FAULT_INJECTED);
  }

  @Test
  void cut_beyond_the_answer_strikes_where_the_finish_chunk_would_go() {
    SimulatorClient.Exchange reply = client.post(
        streamingChat("sim-gpt", "hi").put("seed", 1), Map.of("x-sim-fault", "cut-after=100"));

    assertThat(reply.failure()).isNotNull();
    assertThat(reply.content()).isEqualTo(TEXT);
    assertThat(reply.events()).hasSize(1 + 12);
  }

  @Test
  void stall_sends_n_events_then_keeps_the_connection_silent() {
    SimulatorClient.Exchange reply = SimulatorClient.await(client.open(HttpMethod.POST,
        "/v1/chat/completions", streamingChat("sim-gpt", "hi").encode(),
        Map.of("x-sim-fault", "stall-after=2", "x-request-id", "f-stall")));

    await().atMost(Duration.ofSeconds(5)).until(() -> reply.events().size() == 3);
    long received = reply.bytesReceived();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() ->
        reply.bytesReceived() == received && !reply.ended().isComplete());
    assertThat(client.simulator().observation("f-stall").orElseThrow().outcome()).isEqualTo(Outcome.IN_PROGRESS);
    assertThat(client.simulator().observation("f-stall").orElseThrow().eventsSent()).isEqualTo(3);
    reply.request.connection().close();
    assertThat(outcome("f-stall")).isEqualTo(Outcome.CLIENT_CLOSED_EARLY);
  }

  @Test
  void malformed_sends_one_broken_event_and_then_finishes_normally() {
    SimulatorClient.Exchange reply = client.post(
        streamingChat("sim-malformed-2", "hi").put("seed", 1), Map.of("x-request-id", "f-bad"));

    List<String> events = reply.events();
    assertThat(events).hasSize(1 + 2 + 1 + 10 + 1 + 1);
    assertThat(events.get(3)).startsWith("{\"id\":\"chatcmpl-broken\"");
    assertThatThrownBy(() -> new JsonObject(events.get(3))).isInstanceOf(DecodeException.class);
    List<String> wellFormed = new ArrayList<>(events);
    wellFormed.remove(3);
    StringBuilder text = new StringBuilder();
    for (String event : wellFormed.subList(1, 13)) {
      text.append(SimulatorStreamingTest.delta(new JsonObject(event)).getString("content"));
    }
    assertThat(text.toString()).isEqualTo(TEXT);
    assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
    assertThat(outcome("f-bad")).isEqualTo(Outcome.COMPLETED);
  }

  @Test
  void error_after_sends_a_midstream_error_event_then_done() {
    SimulatorClient.Exchange reply = client.post(streamingChat("sim-error-2", "hi"),
        Map.of("x-request-id", "f-error"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.failure()).isNull();
    List<String> events = reply.events();
    assertThat(events).hasSize(1 + 2 + 1 + 1);
    JsonObject error = new JsonObject(events.get(3));
    SimulatorHttpTest.assertOpenAiError(error, "server_error");
    assertThat(error.getJsonObject("error").getString("message"))
        .isEqualTo("The server had an error while processing your request.");
    assertThat(events.get(4)).isEqualTo("[DONE]");
    assertThat(outcome("f-error")).isEqualTo(Outcome.FAULT_INJECTED);
  }

  @Test
  void header_fault_wins_over_the_model_name() {
    SimulatorClient.Exchange reply = client.post(streamingChat("sim-status-500", "hi"),
        Map.of("x-sim-fault", "error-after=1"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.events()).hasSize(4);
  }

  @Test
  void non_streaming_error_fault_answers_500() {
    SimulatorClient.Exchange reply = client.post(chat("sim-error-0", "hi"), Map.of());

    assertThat(reply.status()).isEqualTo(500);
    SimulatorHttpTest.assertOpenAiError(reply.json(), "server_error");
  }

  @Test
  void non_streaming_cut_drops_the_connection_without_an_answer() {
    Future<SimulatorClient.Exchange> reply = client.open(HttpMethod.POST, "/v1/chat/completions",
        chat("sim-cut-0", "hi").encode(), Map.of());

    assertThat(SimulatorClient.failureOf(reply)).isNotNull();
  }

  @Test
  void finish_header_and_model_force_an_openai_finish_reason() {
    List<JsonObject> chunks = client.post(streamingChat("sim-gpt", "hi"),
        Map.of("x-sim-finish", "content_filter")).chunks();
    JsonObject whole = client.post(chat("sim-finish-length", "hi"), Map.of()).json();

    assertThat(SimulatorStreamingTest.choice(chunks.get(chunks.size() - 1))
        .getString("finish_reason")).isEqualTo("content_filter");
    assertThat(whole.getJsonArray("choices").getJsonObject(0).getString("finish_reason"))
        .isEqualTo("length");
    assertThat(client.post(chat("sim-gpt", "hi"), Map.of("x-sim-finish", "refusal")).status())
        .isEqualTo(400);
  }

  private Outcome outcome(String requestId) {
    await().atMost(Duration.ofSeconds(5)).until(() -> client.simulator().observation(requestId)
        .map(seen -> seen.outcome() != Outcome.IN_PROGRESS).orElse(false));
    return client.simulator().observation(requestId).orElseThrow().outcome();
  }
}
