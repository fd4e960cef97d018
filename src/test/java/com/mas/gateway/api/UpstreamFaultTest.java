package com.mas.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.simulator.Outcome;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.SimulatedUpstream;
import com.mas.gateway.testkit.TestConfigs;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each fault the simulator injects reaches the client as a clear OpenAI-style error: with its
 * status before the stream started, as a final SSE error event after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamFaultTest {

  private SimulatedUpstream setup;

  @BeforeAll
  void start() {
    setup = new SimulatedUpstream(TestConfigs.timeouts(2_000, 400));
  }

  @AfterAll
  void stop() {
    setup.close();
  }

  private ClientResponse stream(String fault) {
    return Await.result(setup.client.chat(SimulatedUpstream.chat("openai/sim-gpt", true),
        Map.of("x-sim-fault", fault, "x-sim-tokens", "20")));
  }

  @Test
  void keeps_429_status_and_retry_after() {
    ClientResponse response = stream("status=429;retry-after=2");

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers().get("retry-after")).isEqualTo("2");
    BadInputTest.assertOpenAiError(response);
    assertThat(response.body().toString()).doesNotContain(TestConfigs.UPSTREAM_KEY);
  }

  @ParameterizedTest(name = "upstream {0} -> {1}")
  @CsvSource({"500,502", "503,503", "502,502", "400,400"})
  void maps_upstream_error_statuses(int upstream, int expected) {
    ClientResponse response = stream("status=" + upstream);

    assertThat(response.status()).isEqualTo(expected);
    BadInputTest.assertOpenAiError(response);
  }

  @Test
  void fault_can_be_chosen_by_model_name() {
    ClientResponse response = Await.result(setup.client.chat(SimulatedUpstream.chat("openai/sim-status-503", true)));

    assertThat(response.status()).isEqualTo(503);
  }

  @Test
  void reset_before_headers_is_a_502_json_error() {
    ClientResponse response = stream("reset");

    assertThat(response.status()).isEqualTo(502);
    BadInputTest.assertOpenAiError(response);
  }

  @Test
  void stream_cut_mid_answer_ends_with_a_final_error_event() {
    ClientResponse response = stream("cut-after=3");
    List<String> events = response.events();
    ChatAssembler answer = ChatAssembler.ofEvents(events);

    assertThat(response.status()).isEqualTo(200);
    assertThat(answer.text()).isNotEmpty();
    assertThat(answer.error().getString("code")).isEqualTo("upstream_stream_cut");
    assertThat(events).last().asString().startsWith("{\"error\"");
    assertThat(answer.done()).isFalse();
  }

  @Test
  void stall_trips_the_idle_timeout_and_resets_the_upstream() {
    String id = "stall-" + System.nanoTime();
    ClientResponse response = Await.result(setup.client.chat(SimulatedUpstream.chat("openai/sim-gpt", true),
        Map.of("x-sim-fault", "stall-after=2", "x-request-id", id)));
    ChatAssembler answer = ChatAssembler.ofEvents(response.events());

    assertThat(answer.error().getString("code")).isEqualTo("upstream_timeout");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(setup.simulator.observation(id).orElseThrow().outcome()).isEqualTo(Outcome.CLIENT_CLOSED_EARLY));
  }

  @Test
  void malformed_event_ends_the_stream_with_an_error_event() {
    ClientResponse response = stream("malformed-after=2");
    ChatAssembler answer = ChatAssembler.ofEvents(response.events());

    assertThat(answer.error().getString("code")).isEqualTo("upstream_malformed_event");
    assertThat(response.events()).noneMatch(e -> e.contains("chatcmpl-broken"));
  }

  @Test
  void upstream_error_event_mid_stream_reaches_the_client() {
    ClientResponse response = stream("error-after=2");
    ChatAssembler answer = ChatAssembler.ofEvents(response.events());

    assertThat(answer.error().getString("type")).isEqualTo("server_error");
    assertThat(answer.text()).isNotEmpty();
  }

  @Test
  void non_streaming_stall_is_an_error_not_a_hang() {
    ClientResponse response = Await.result(setup.client.chat(SimulatedUpstream.chat("openai/sim-gpt", false),
        Map.of("x-sim-fault", "stall-after=2")));

    assertThat(response.status()).isEqualTo(504);
    BadInputTest.assertOpenAiError(response);
    assertThat(response.error().getString("code")).isEqualTo("upstream_timeout");
  }

  @Test
  void upstream_ids_are_forwarded_and_the_client_key_never_is() {
    String id = "fwd-" + System.nanoTime();
    Await.result(setup.client.chat(new JsonObject(SimulatedUpstream.chat("openai/sim-gpt", true)).encode(),
        Map.of("x-request-id", id)));
    var seen = setup.simulator.observation(id).orElseThrow();

    assertThat(seen.model()).isEqualTo("sim-gpt");
    assertThat(seen.headers().toString()).doesNotContain(TestConfigs.KEY);
  }
}
