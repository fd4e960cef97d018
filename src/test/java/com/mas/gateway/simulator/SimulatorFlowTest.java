package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.SimulatorClient.streamingChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pacing, backpressure and clients that leave: how the simulator behaves over time. */
@ExtendWith(VertxExtension.class)
class SimulatorFlowTest {

  private SimulatorClient client;

  @BeforeEach
  void start(Vertx vertx) {
    client = SimulatorClient.start(vertx, SimulatorOptions.defaults());
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void sends_the_role_chunk_at_once_and_content_after_the_first_token_delay() {
    long sentAt = System.nanoTime();
    SimulatorClient.Exchange reply = SimulatorClient.await(client.open(HttpMethod.POST, "/v1/chat/completions",
        streamingChat("sim-gpt", "hi").encode(), Map.of("x-sim-ttft-ms", "400", "x-sim-tokens", "3")));
    // The exchange collects the body from the first byte (a handler attached later could miss
    // chunks), so arrival is observed by polling what it has received.
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
        .until(() -> reply.events().stream().anyMatch(e -> e.contains("\"role\"")));
    Duration roleAfter = Duration.ofNanos(System.nanoTime() - sentAt);
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
        .until(() -> reply.events().stream().anyMatch(e -> e.contains("{\"content\":")));
    Duration contentAfter = Duration.ofNanos(System.nanoTime() - sentAt);

    assertThat(roleAfter).isLessThan(Duration.ofMillis(400));
    assertThat(contentAfter).isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }


  @Test
  void paces_tokens_at_the_requested_rate() {
    long sentAt = System.nanoTime();

    SimulatorClient.Exchange reply = client.post(streamingChat("sim-gpt", "hi"),
        Map.of("x-sim-tps", "50", "x-sim-tokens", "11"));

    // 11 tokens at 50/s: the last is due 10 intervals (200 ms) after the first.
    assertThat(Duration.ofNanos(System.nanoTime() - sentAt))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(reply.chunks()).hasSize(13);
  }

  @Test
  void a_non_streaming_answer_arrives_after_the_first_token_delay() {
    long sentAt = System.nanoTime();

    SimulatorClient.Exchange reply = client.post(SimulatorClient.chat("sim-gpt", "hi"),
        Map.of("x-sim-ttft-ms", "300", "x-sim-tokens", "3"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - sentAt))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void records_client_closed_early_and_stops_writing() {
    SimulatorClient.Exchange reply = SimulatorClient.await(client.open(HttpMethod.POST,
        "/v1/chat/completions", streamingChat("sim-gpt", "hi").encode(),
        Map.of("x-sim-tps", "100", "x-sim-tokens", "1000", "x-request-id", "leaver")));
    await().atMost(Duration.ofSeconds(5)).until(() -> reply.events().size() >= 4);

    reply.request.connection().close();

    await().atMost(Duration.ofSeconds(5)).until(() ->
        observed("leaver").outcome() == Outcome.CLIENT_CLOSED_EARLY);
    int eventsAtClose = observed("leaver").eventsSent();
    assertThat(eventsAtClose).isBetween(4, 100);
    await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() ->
        observed("leaver").eventsSent() == eventsAtClose);
  }

  @Test
  void waits_for_a_paused_client_and_finishes_when_it_reads_again() {
    SimulatorClient.Exchange reply = SimulatorClient.await(client.open(HttpMethod.POST,
        "/v1/chat/completions", streamingChat("sim-gpt", "hi").encode(),
        Map.of("x-sim-token-bytes", "65536", "x-sim-tokens", "600", "x-request-id", "slow")));
    reply.response.pause();

    await().atMost(Duration.ofSeconds(10)).until(() ->
        observed("slow").backpressurePauses() > 0);
    long stalledAt = observed("slow").bytesSent();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() ->
        observed("slow").bytesSent() == stalledAt);
    assertThat(stalledAt).isLessThan(600L * 65536);
    assertThat(observed("slow").outcome()).isEqualTo(Outcome.IN_PROGRESS);

    reply.response.resume();
    reply.awaitEnd();

    assertThat(reply.failure()).isNull();
    assertThat(observed("slow").outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(reply.bytesReceived()).isEqualTo(observed("slow").bytesSent());
    assertThat(reply.events()).last().isEqualTo("[DONE]");
  }

  private Observation observed(String requestId) {
    return client.simulator().observation(requestId).orElseThrow();
  }
}
