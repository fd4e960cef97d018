package com.mas.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.config.TimeoutConfig;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.GatewayClient;
import com.mas.gateway.testkit.SimulatedUpstream;
import com.mas.gateway.testkit.StreamProbe;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Draining lets running streams finish, refuses new requests and turns readiness off. */
class GracefulShutdownTest {

  private SimulatedUpstream setup;
  private GatewayClient management;

  @BeforeEach
  void start() {
    setup = new SimulatedUpstream(TimeoutConfig.DEFAULT);
    management = new GatewayClient(setup.gatewayVertx, setup.gateway.managementPort());
  }

  @AfterEach
  void stop() {
    setup.close();
  }

  @Test
  void health_endpoints_report_live_and_ready() {
    assertThat(get("/health/live").status()).isEqualTo(200);
    assertThat(get("/health/ready").status()).isEqualTo(200);
  }

  @Test
  void drain_lets_a_running_stream_finish_and_refuses_new_ones() {
    StreamProbe running = setup.probe();
    Await.result(running.start(setup.gateway.port(), SimulatedUpstream.chat("openai/sim-gpt", true),
        Map.of("x-sim-tokens", "30", "x-sim-tps", "30")));
    await().atMost(Duration.ofSeconds(5)).until(() -> running.arrivals().size() >= 2);

    Future<Void> drained = setup.gateway.drain(Duration.ofSeconds(10));
    assertThat(get("/health/ready").status()).isEqualTo(503);
    assertThat(get("/health/live").status()).isEqualTo(200);
    assertThat(Await.failure(new GatewayClient(setup.gatewayVertx, setup.gateway.port())
        .chat(SimulatedUpstream.chat("openai/sim-gpt", true)))).isNotNull();

    Await.result(running.ended());
    ChatAssembler answer = ChatAssembler.ofEvents(running.payloads());
    assertThat(answer.done()).isTrue();
    assertThat(answer.error()).isNull();
    Await.result(drained);
  }

  private ClientResponse get(String path) {
    return Await.result(management.send(HttpMethod.GET, path, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer()));
  }
}
