package com.mas.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.config.TimeoutConfig;
import com.mas.gateway.simulator.Observation;
import com.mas.gateway.simulator.Outcome;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.SimulatedUpstream;
import com.mas.gateway.testkit.StreamProbe;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A slow client slows its upstream; a client that goes away stops it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackpressureTest {

  /** 100,000 tokens of ~2 KB: 200 MB, far more than socket buffers and write queues hold. */
  private static final Map<String, String> HUGE = Map.of("x-sim-tokens", "100000", "x-sim-token-bytes", "2000");

  private SimulatedUpstream setup;

  @BeforeAll
  void start() {
    setup = new SimulatedUpstream(TimeoutConfig.DEFAULT);
  }

  @AfterAll
  void stop() {
    setup.close();
  }

  @Test
  void slow_client_pauses_the_upstream_and_memory_stays_bounded() {
    String id = "slow-" + System.nanoTime();
    StreamProbe probe = setup.probe();
    Await.result(probe.start(setup.gateway.port(), SimulatedUpstream.chat("openai/sim-gpt", true), with(HUGE, id)));
    probe.pause();

    await().atMost(Duration.ofSeconds(10)).until(() -> observed(id).backpressurePauses() > 0);
    long plateau = awaitPlateau(id);
    assertThat(plateau).as("bytes the upstream could send while the client read nothing")
        .isLessThan(64L << 20);
    assertThat(observed(id).outcome()).isEqualTo(Outcome.IN_PROGRESS);

    probe.resume();
    await().atMost(Duration.ofSeconds(10)).until(() -> observed(id).bytesSent() > plateau + (8L << 20));
    probe.hangUp();
    await().atMost(Duration.ofSeconds(5)).until(() -> observed(id).outcome() == Outcome.CLIENT_CLOSED_EARLY);
  }

  @Test
  void client_disconnect_resets_the_upstream_and_leaves_nothing_open() {
    String id = "gone-" + System.nanoTime();
    StreamProbe probe = setup.probe();
    Await.result(probe.start(setup.gateway.port(), SimulatedUpstream.chat("openai/sim-gpt", true),
        with(Map.of("x-sim-tokens", "500", "x-sim-tps", "50"), id)));
    await().atMost(Duration.ofSeconds(5)).until(() -> probe.arrivals().size() >= 3);
    probe.hangUp();

    await().atMost(Duration.ofSeconds(5)).until(() -> observed(id).outcome() == Outcome.CLIENT_CLOSED_EARLY);
    assertThat(observed(id).eventsSent()).isLessThan(100);
    await().atMost(Duration.ofSeconds(5)).until(() -> setup.gateway.metrics().activeStreams() == 0);
  }

  @Test
  void client_disconnect_while_waiting_for_the_first_token_cancels_the_upstream() {
    String id = "early-" + System.nanoTime();
    StreamProbe probe = setup.probe();
    probe.start(setup.gateway.port(), SimulatedUpstream.chat("openai/sim-gpt", false),
        with(Map.of("x-sim-ttft-ms", "5000"), id));
    await().atMost(Duration.ofSeconds(5)).until(() -> setup.simulator.observation(id).isPresent());
    Await.result(probe.close());

    await().atMost(Duration.ofSeconds(4)).until(() -> observed(id).outcome() == Outcome.CLIENT_CLOSED_EARLY);
    await().atMost(Duration.ofSeconds(5)).until(() -> setup.gateway.metrics().activeStreams() == 0);
  }

  private Observation observed(String id) {
    return setup.simulator.observation(id).orElseThrow();
  }

  /** Waits until the upstream has stopped sending for half a second; returns the bytes sent. */
  private long awaitPlateau(String id) {
    long[] last = {-1};
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
      long now = observed(id).bytesSent();
      boolean still = now == last[0];
      last[0] = now;
      return still;
    });
    return last[0];
  }

  private static Map<String, String> with(Map<String, String> headers, String id) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put("x-request-id", id);
    return all;
  }
}
