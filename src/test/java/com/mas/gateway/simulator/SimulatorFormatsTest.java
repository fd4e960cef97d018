package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.ProviderRequests.MESSAGES;
import static com.mas.gateway.simulator.ProviderRequests.anthropic;
import static com.mas.gateway.simulator.ProviderRequests.anthropicHeaders;
import static com.mas.gateway.simulator.ProviderRequests.anthropicStream;
import static com.mas.gateway.simulator.ProviderRequests.gemini;
import static com.mas.gateway.simulator.ProviderRequests.geminiGenerate;
import static com.mas.gateway.simulator.ProviderRequests.geminiHeaders;
import static com.mas.gateway.simulator.ProviderRequests.geminiStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the three wire formats share: text, usage, pacing, backpressure and observations. */
@ExtendWith(VertxExtension.class)
class SimulatorFormatsTest {

  private static final String KEY = "sim-shared-key-42";

  private SimulatorClient client;

  @BeforeEach
  void start(Vertx vertx) {
    client = SimulatorClient.start(vertx,
        SimulatorOptions.defaults().withApiKey(KEY).withAnswerTokens(9));
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void the_same_seed_gives_the_same_text_in_every_format_streamed_or_not() {
    String expected = SimulatedAnswer.text(41, AnswerLanguage.ENGLISH, 9);
    Map<String, String> openAi = Map.of("Authorization", "Bearer " + KEY, "x-sim-seed", "41");

    String openAiStream =
        client.post(SimulatorClient.streamingChat("gpt-sim", "hi"), openAi).content();
    String openAiWhole = client.post(SimulatorClient.chat("gpt-sim", "hi"), openAi).json()
        .getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
    String anthropicStream = AnthropicStreamingTest.text(client.post(MESSAGES,
        anthropicStream("claude-sim", "hi").encode(), anthropicHeaders(KEY, "x-sim-seed", "41"))
        .sse());
    String anthropicWhole = client.post(MESSAGES, anthropic("claude-sim", "hi").encode(),
            anthropicHeaders(KEY, "x-sim-seed", "41")).json()
        .getJsonArray("content").getJsonObject(0).getString("text");
    String geminiStream = GeminiStreamingTest.text(GeminiStreamingTest.chunks(client.post(
        geminiStream("gemini-sim"), gemini("hi").encode(), geminiHeaders(KEY, "x-sim-seed", "41"))));
    String geminiWhole = GeminiStreamingTest.part(client.post(geminiGenerate("gemini-sim"),
        gemini("hi").encode(), geminiHeaders(KEY, "x-sim-seed", "41")).json()).getString("text");

    assertThat(List.of(openAiStream, openAiWhole, anthropicStream, anthropicWhole, geminiStream,
        geminiWhole)).containsOnly(expected);
  }

  @Test
  void usage_counts_the_same_prompt_and_answer_tokens_in_every_format() {
    JsonObject openAi = client.post(SimulatorClient.chat("gpt-sim", "abcdefgh"),
        Map.of("Authorization", "Bearer " + KEY)).json().getJsonObject("usage");
    JsonObject anthropic = client.post(MESSAGES, anthropic("claude-sim", "abcdefgh").encode(),
        anthropicHeaders(KEY)).json().getJsonObject("usage");
    JsonObject gemini = client.post(geminiGenerate("gemini-sim"), gemini("abcdefgh").encode(),
        geminiHeaders(KEY)).json().getJsonObject("usageMetadata");

    assertThat(List.of(openAi.getInteger("prompt_tokens"), anthropic.getInteger("input_tokens"),
        gemini.getInteger("promptTokenCount"))).containsOnly(2);
    assertThat(List.of(openAi.getInteger("completion_tokens"),
        anthropic.getInteger("output_tokens"), gemini.getInteger("candidatesTokenCount")))
        .containsOnly(9);
  }

  @Test
  void every_format_is_observed_and_no_key_is_ever_listed() {
    client.post(SimulatorClient.streamingChat("gpt-sim", "hi"),
        Map.of("Authorization", "Bearer " + KEY, "x-request-id", "o-1"));
    client.post(MESSAGES, anthropicStream("claude-sim", "hi").encode(),
        anthropicHeaders(KEY, "x-request-id", "o-2"));
    client.post(geminiGenerate("gemini-sim"), gemini("hi").encode(),
        geminiHeaders(KEY, "x-request-id", "o-3"));

    String listed = client.get("/sim/observations", Map.of()).body();

    assertThat(listed).doesNotContain(KEY);
    JsonArray all = new JsonArray(listed);
    assertThat(all.stream().map(o -> ((JsonObject) o).getString("path"))).containsExactly(
        "/v1/chat/completions", MESSAGES, "/v1beta/models/gemini-sim:generateContent");
    assertThat(all.stream().map(o -> ((JsonObject) o).getString("model")))
        .containsExactly("gpt-sim", "claude-sim", "gemini-sim");
    assertThat(all.stream().map(o -> ((JsonObject) o).getBoolean("stream")))
        .containsExactly(true, true, false);
    assertThat(all.stream().map(o -> ((JsonObject) o).getString("outcome")))
        .containsOnly("COMPLETED");
  }

  @Test
  void anthropic_opening_events_go_at_once_and_text_after_the_first_token_delay() {
    long sentAt = System.nanoTime();
    SimulatorClient.Exchange reply = SimulatorClient.await(client.open(HttpMethod.POST, MESSAGES,
        anthropicStream("claude-sim", "hi").encode(),
        anthropicHeaders(KEY, "x-sim-ttft-ms", "400", "x-sim-tokens", "3")));

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
        .until(() -> SseTranscript.names(reply.sse()).contains("ping"));
    Duration pingAfter = Duration.ofNanos(System.nanoTime() - sentAt);
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
        .until(() -> SseTranscript.names(reply.sse()).contains("content_block_delta"));
    Duration textAfter = Duration.ofNanos(System.nanoTime() - sentAt);

    assertThat(pingAfter).isLessThan(Duration.ofMillis(400));
    assertThat(textAfter).isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void gemini_waits_for_a_paused_client_and_finishes_when_it_reads_again() {
    SimulatorClient.Exchange reply = SimulatorClient.await(client.open(HttpMethod.POST,
        geminiStream("gemini-sim"), gemini("hi").encode(), geminiHeaders(KEY,
            "x-sim-token-bytes", "65536", "x-sim-tokens", "600", "x-request-id", "g-slow")));
    reply.response.pause();

    await().atMost(Duration.ofSeconds(10)).until(() -> observed("g-slow").backpressurePauses() > 0);
    // Kernel buffers may still take some bytes after the first pause: wait until none move.
    long[] seen = {-1};
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
      long now = observed("g-slow").bytesSent();
      boolean still = now == seen[0];
      seen[0] = now;
      return still;
    });
    long stalledAt = seen[0];
    assertThat(observed("g-slow").outcome()).isEqualTo(Outcome.IN_PROGRESS);
    reply.response.resume();
    reply.awaitEnd();

    assertThat(stalledAt).isLessThan(600L * 65536);
    assertThat(reply.failure()).isNull();
    assertThat(observed("g-slow").outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(reply.bytesReceived()).isEqualTo(observed("g-slow").bytesSent());
    assertThat(reply.sse()).hasSize(600);
  }

  @Test
  void anthropic_stream_stops_when_the_client_leaves() {
    SimulatorClient.Exchange reply = SimulatorClient.await(client.open(HttpMethod.POST, MESSAGES,
        anthropicStream("claude-sim", "hi").encode(), anthropicHeaders(KEY, "x-sim-tps", "100",
            "x-sim-tokens", "1000", "x-request-id", "a-leaver")));
    await().atMost(Duration.ofSeconds(5)).until(() -> reply.sse().size() >= 5);

    reply.request.connection().close();

    await().atMost(Duration.ofSeconds(5)).until(() ->
        observed("a-leaver").outcome() == Outcome.CLIENT_CLOSED_EARLY);
    int eventsAtClose = observed("a-leaver").eventsSent();
    await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() ->
        observed("a-leaver").eventsSent() == eventsAtClose);
    assertThat(eventsAtClose).isBetween(5, 100);
  }

  private Observation observed(String requestId) {
    return client.simulator().observation(requestId).orElseThrow();
  }
}
