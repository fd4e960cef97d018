package com.mas.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.simulator.AnswerLanguage;
import com.mas.gateway.simulator.Observation;
import com.mas.gateway.simulator.SimulatedAnswer;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.SimulatedUpstream;
import com.mas.gateway.testkit.TestConfigs;
import com.mas.gateway.testkit.TestPlans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A retryable failure before any content reached the client goes to the next target of the
 * route plan, and the client gets a normal answer; a client error returns at once; when every
 * target fails the client gets one error saying what was tried.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailoverTest {

  private static final long SEED = 42;
  private static final int TOKENS = 12;
  private static final String ANSWER = SimulatedAnswer.text(SEED, AnswerLanguage.ENGLISH, TOKENS);

  /** First targets that fail before the answer's first token, each in its own way. */
  static final List<String> FAILING_STREAMS = List.of(
      "anthropic/sim-status-529", "openai/sim-status-503", "gemini/sim-status-503", "gemini/sim-status-429",
      "openai/sim-status-401", "openai/sim-reset", "anthropic/sim-reset",
      "openai/sim-error-0", "anthropic/sim-error-0", "gemini/sim-error-0", "openai/sim-cut-0", "anthropic/sim-cut-0");
  static final List<String> FAILING_WHOLE = List.of(
      "anthropic/sim-status-529", "openai/sim-reset", "gemini/sim-status-503", "openai/sim-cut-3");
  static final String TRANSLATED_AFTER_PASS_THROUGH = "openai/sim-status-500, gemini/sim-model, anthropic/sim-model";
  static final String CLIENT_ERROR = "openai/sim-status-400, anthropic/sim-model";
  static final String ALL_DOWN = "anthropic/sim-status-529, openai/sim-status-500, gemini/sim-reset; deadline-ms=3000";
  static final String ALL_LIMITED = "openai/sim-status-429, anthropic/sim-status-429";
  static final String STALLED = "openai/sim-stall-0, anthropic/sim-model; deadline-ms=400";
  static final String LIMITED_ATTEMPTS = "openai/sim-status-503, gemini/sim-status-503, anthropic/sim-model; "
      + "max-attempts=2";

  private SimulatedUpstream setup;

  @BeforeAll
  void start() {
    List<String> plans = new ArrayList<>(List.of(TRANSLATED_AFTER_PASS_THROUGH, CLIENT_ERROR, ALL_DOWN, ALL_LIMITED,
        STALLED, LIMITED_ATTEMPTS));
    FAILING_STREAMS.forEach(failing -> plans.add(failing + ", openai/sim-gpt"));
    FAILING_WHOLE.forEach(failing -> plans.add(failing + ", anthropic/sim-model"));
    setup = new SimulatedUpstream(TestConfigs.timeouts(2_000, 1_000), TestPlans.routing(plans));
  }

  @AfterAll
  void stop() {
    setup.close();
  }

  private ClientResponse chat(boolean stream, String plan) {
    return chat(stream, plan, "req-" + System.nanoTime());
  }

  private ClientResponse chat(boolean stream, String plan, String requestId) {
    return Await.result(setup.client.chat(SimulatedUpstream.chat(plan, stream), Map.of(
        "x-sim-seed", Long.toString(SEED), "x-sim-tokens", Integer.toString(TOKENS), "x-request-id", requestId)));
  }

  static List<String> failingStreams() {
    return FAILING_STREAMS;
  }

  static List<String> failingWhole() {
    return FAILING_WHOLE;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingStreams")
  void a_stream_that_fails_before_its_first_token_is_answered_by_the_next_target(String failing) {
    ClientResponse response = chat(true, failing + ", openai/sim-gpt");
    ChatAssembler answer = ChatAssembler.ofEvents(response.events());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("x-gateway-attempts")).isEqualTo("2");
    assertThat(response.headers().get("x-gateway-provider")).isEqualTo("openai");
    assertThat(response.headers().get("x-gateway-model")).isEqualTo("sim-gpt");
    assertThat(answer.text()).isEqualTo(ANSWER);
    assertThat(answer.error()).isNull();
    assertThat(response.events()).filteredOn("[DONE]"::equals).hasSize(1);
    assertThat(response.events()).filteredOn(e -> e.contains("\"role\"")).hasSize(1);
  }

  @Test
  void a_translated_target_answers_after_a_pass_through_one_failed() {
    ClientResponse response = chat(true, TRANSLATED_AFTER_PASS_THROUGH);

    assertThat(response.headers().get("x-gateway-attempts")).isEqualTo("2");
    assertThat(response.headers().get("x-gateway-provider")).isEqualTo("gemini");
    assertThat(ChatAssembler.ofEvents(response.events()).text()).isEqualTo(ANSWER);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingWhole")
  void a_whole_answer_fails_over_too(String failing) {
    ClientResponse response = chat(false, failing + ", anthropic/sim-model");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("x-gateway-attempts")).isEqualTo("2");
    assertThat(response.headers().get("x-gateway-provider")).isEqualTo("anthropic");
    assertThat(response.json().getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"))
        .isEqualTo(ANSWER);
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {true, false})
  void a_client_error_returns_at_once_without_trying_the_next_target(boolean stream) {
    String id = "bad-" + System.nanoTime();
    ClientResponse response = chat(stream, CLIENT_ERROR, id);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers().get("x-gateway-attempts")).isEqualTo("1");
    assertThat(response.headers().get("x-gateway-provider")).isEqualTo("openai");
    BadInputTest.assertOpenAiError(response);
    assertThat(observed(id)).extracting(Observation::model).containsExactly("sim-status-400");
  }

  @Test
  void when_every_target_fails_one_503_lists_what_was_tried_within_the_deadline() {
    long start = System.nanoTime();
    ClientResponse response = chat(true, ALL_DOWN);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.status()).isEqualTo(503);
    BadInputTest.assertOpenAiError(response);
    assertThat(response.error().getString("code")).isEqualTo(FailoverError.CODE);
    assertThat(response.error().getString("message"))
        .contains("anthropic/sim-status-529: 503 upstream_overloaded")
        .contains("openai/sim-status-500: 502 upstream_error")
        .contains("gemini/sim-reset: 502");
    assertThat(response.headers().get("x-gateway-attempts")).isEqualTo("3");
    assertThat(response.headers().get("x-gateway-provider")).isEqualTo("gemini");
    assertThat(millis).isLessThan(3000);
  }

  @Test
  void when_every_target_is_rate_limited_the_client_gets_a_429_listing_them() {
    ClientResponse response = chat(false, ALL_LIMITED);

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.error().getString("message"))
        .contains("openai/sim-status-429: 429").contains("anthropic/sim-status-429: 429");
    assertThat(response.headers().get("retry-after")).isEqualTo("1");
  }

  @Test
  void a_target_that_never_answers_is_abandoned_at_the_deadline() {
    long start = System.nanoTime();
    ClientResponse response = chat(true, STALLED);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.status()).isEqualTo(504);
    assertThat(response.error().getString("message")).contains("deadline of 400 ms");
    assertThat(response.headers().get("x-gateway-attempts")).isEqualTo("1");
    assertThat(millis).isBetween(350L, 950L);
  }

  @Test
  void the_attempt_limit_bounds_the_targets_tried() {
    ClientResponse response = chat(true, LIMITED_ATTEMPTS);

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers().get("x-gateway-attempts")).isEqualTo("2");
    assertThat(response.error().getString("message")).doesNotContain("anthropic");
  }

  private List<Observation> observed(String requestId) {
    return setup.simulator.observations().stream().filter(o -> requestId.equals(o.requestId())).toList();
  }
}
