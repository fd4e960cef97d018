package com.mas.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.config.TimeoutConfig;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.SimulatedUpstream;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The gateway's own share of the time to the first token is measured without the provider's:
 * a simulator that takes 400 ms to its first token must not show in either part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverheadMetricsTest {

  private static final Map<String, String> SLOW_FIRST_TOKEN = Map.of("x-sim-ttft-ms", "400", "x-sim-tokens", "5");
  private static final long UPSTREAM_WAIT_MS = 400;

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
  void a_stream_records_both_parts_and_neither_includes_the_upstream_wait() {
    long requests = timer("request").count();
    long firstEvents = timer("first_event").count();

    ClientResponse response = Await.result(setup.client.chat(SimulatedUpstream.chat("openai/sim-gpt", true),
        SLOW_FIRST_TOKEN));

    assertThat(response.status()).isEqualTo(200);
    assertThat(timer("request").count()).isEqualTo(requests + 1);
    assertThat(timer("first_event").count()).isEqualTo(firstEvents + 1);
    assertThat(timer("request").max(TimeUnit.MILLISECONDS)).isPositive().isLessThan(UPSTREAM_WAIT_MS);
    assertThat(timer("first_event").max(TimeUnit.MILLISECONDS)).isPositive().isLessThan(UPSTREAM_WAIT_MS);
  }

  @Test
  void a_whole_answer_records_the_request_part_only() {
    long requests = timer("request").count();
    long firstEvents = timer("first_event").count();

    ClientResponse response = Await.result(setup.client.chat(SimulatedUpstream.chat("openai/sim-gpt", false),
        SLOW_FIRST_TOKEN));

    assertThat(response.status()).isEqualTo(200);
    assertThat(timer("request").count()).isEqualTo(requests + 1);
    assertThat(timer("first_event").count()).isEqualTo(firstEvents);
  }

  private Timer timer(String part) {
    return setup.gateway.metrics().registry().get(GatewayMetrics.OVERHEAD).tag(GatewayMetrics.TAG_PART, part).timer();
  }
}
