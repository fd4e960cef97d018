package com.mas.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.chat.ChatRequest;
import com.mas.gateway.chat.TokenEstimator;
import com.mas.gateway.simulator.AnswerLanguage;
import com.mas.gateway.simulator.SimulatedAnswer;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.SimulatedUpstream;
import com.mas.gateway.testkit.TestConfigs;
import com.mas.gateway.testkit.TestPlans;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stream that breaks after content reached the client is continued on the next target: the
 * client receives one continuous answer, with one role chunk, one chunk id, no text said twice,
 * one usage report adding both attempts and one {@code [DONE]}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContinuationTest {

  private static final long SEED = 7;
  private static final int TOKENS = 20;
  private static final String USER = "Recommend a moisturiser for dry skin.";

  /** Every plan the tests ask for (see {@link TestPlans}). */
  private static final List<String> PLANS = List.of(
      "openai/sim-cut-5, anthropic/sim-model", "openai/sim-cut-5, openai/sim-gpt", "openai/sim-cut-5, gemini/sim-model",
      "openai/sim-error-4, openai/sim-gpt", "anthropic/sim-error-4, openai/sim-gpt", "gemini/sim-error-4, openai/sim-gpt",
      "openai/sim-stall-4, openai/sim-gpt",
      "openai/sim-cut-call-1, anthropic/sim-model", "anthropic/sim-cut-call-1, openai/sim-gpt",
      "openai/sim-cut-call-0, gemini/sim-model", "openai/sim-cut-3, openai/sim-gpt",
      "openai/sim-cut-5, anthropic/sim-model; continuation=false", "openai/sim-cut-3, anthropic/sim-cut-8",
      "openai/sim-cut-3, anthropic/sim-cut-8, gemini/sim-model");

  private SimulatedUpstream setup;

  @BeforeAll
  void start() {
    setup = new SimulatedUpstream(TestConfigs.timeouts(2_000, 600), TestPlans.routing(PLANS));
  }

  @AfterAll
  void stop() {
    setup.close();
  }

  private ClientResponse stream(JsonObject body, String plan, Map<String, String> extra) {
    Map<String, String> headers = new HashMap<>(Map.of("x-sim-seed", Long.toString(SEED),
        "x-sim-tokens", Integer.toString(TOKENS)));
    headers.putAll(extra);
    return Await.result(setup.client.chat(body.copy().put("model", plan).encode(), headers));
  }

  private static JsonObject textRequest() {
    return new JsonObject(SimulatedUpstream.chat("continued", true))
        .put("stream_options", new JsonObject().put("include_usage", true));
  }

  /** Anthropic continues a prefill exactly; the others are asked to, and may repeat (the overlap). */
  @ParameterizedTest(name = "{0}, overlap {1}, {2}")
  @CsvSource({
      "anthropic/sim-model, 0, en", "gemini/sim-model, 1, zh-Hans",
      "openai/sim-gpt, 0, en", "openai/sim-gpt, 3, en", "gemini/sim-model, 2, en",
      "openai/sim-gpt, 2, zh-Hans", "anthropic/sim-model, 0, zh-Hant"})
  void a_stream_cut_after_five_tokens_is_continued_into_one_answer(String next, int overlap, String language) {
    ClientResponse response = stream(textRequest(), "openai/sim-cut-5, " + next,
        Map.of("x-sim-continue-overlap", Integer.toString(overlap), "x-sim-language", language));
    List<String> events = response.events();
    ChatAssembler answer = ChatAssembler.ofEvents(events);
    AnswerLanguage lang = AnswerLanguage.parse(language);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("x-gateway-provider")).as("the headers went out with the first attempt")
        .isEqualTo("openai");
    assertThat(answer.error()).isNull();
    assertThat(answer.text()).isEqualTo(SimulatedAnswer.text(SEED, lang, TOKENS));
    assertThat(answer.finishReason()).isEqualTo("stop");
    assertOneStream(events);

    String partial = SimulatedAnswer.text(SEED, lang, 5);
    boolean prefill = next.startsWith("anthropic");
    long continuationPrompt = (USER.length() + partial.length()
        + (prefill ? 0 : ChatRequest.CONTINUE_INSTRUCTION.length()) + 3) / 4;
    long estimate = TokenEstimator.inputTokens(textRequest().mapTo(ObjectNode.class));
    // The cut attempt is charged its input estimate and one token per event sent (role + 5 tokens).
    assertThat(answer.usage().getLong("completion_tokens")).isEqualTo(6 + (TOKENS - 5) + overlap);
    assertThat(answer.usage().getLong("prompt_tokens")).isEqualTo(estimate + continuationPrompt);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai/sim-error-4", "anthropic/sim-error-4", "gemini/sim-error-4", "openai/sim-stall-4"})
  void an_error_event_or_silence_mid_stream_is_continued_too(String breaking) {
    ClientResponse response = stream(textRequest(), breaking + ", openai/sim-gpt", Map.of());
    ChatAssembler answer = ChatAssembler.ofEvents(response.events());

    assertThat(answer.error()).isNull();
    assertThat(answer.text()).isEqualTo(SimulatedAnswer.text(SEED, AnswerLanguage.ENGLISH, TOKENS));
    assertOneStream(response.events());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"openai/sim-cut-call-1, anthropic/sim-model, 2", "anthropic/sim-cut-call-1, openai/sim-gpt, 2",
      "openai/sim-cut-call-0, gemini/sim-model, 2", "openai/sim-cut-3, openai/sim-gpt, 1"})
  void a_cut_inside_tool_call_arguments_gets_the_call_whole_from_the_next_target(String cut, String next, int calls) {
    JsonObject body = new JsonObject(SimulatedUpstream.chat("continued", true))
        .put("tools", new JsonArray().add(new JsonObject().put("type", "function").put("function",
            new JsonObject().put("name", "find_product").put("parameters", new JsonObject().put("type", "object")))))
        .put("tool_choice", "required");
    ClientResponse response = stream(body, cut + ", " + next, Map.of("x-sim-tool-calls", Integer.toString(calls)));
    ChatAssembler answer = ChatAssembler.ofEvents(response.events());
    List<String> words = SimulatedAnswer.tokens(SEED, AnswerLanguage.ENGLISH, calls);

    assertThat(answer.error()).isNull();
    assertThat(answer.finishReason()).isEqualTo("tool_calls");
    assertThat(answer.toolCalls()).hasSize(calls);
    for (int i = 0; i < calls; i++) {
      JsonObject call = answer.toolCalls().get(i);
      assertThat(call.getString("name")).isEqualTo("find_product");
      assertThat(call.getString("id")).isNotBlank();
      assertThat(new JsonObject(call.getString("arguments")))
          .isEqualTo(new JsonObject().put("query", words.get(i).trim()));
    }
    assertOneStream(response.events());
  }

  @Test
  void without_continuation_a_broken_stream_ends_with_an_error_event() {
    ClientResponse response = stream(textRequest(), "openai/sim-cut-5, anthropic/sim-model; continuation=false",
        Map.of());
    ChatAssembler answer = ChatAssembler.ofEvents(response.events());

    assertThat(answer.text()).isEqualTo(SimulatedAnswer.text(SEED, AnswerLanguage.ENGLISH, 5));
    assertThat(answer.error().getString("code")).isEqualTo("upstream_stream_cut");
    assertThat(answer.done()).isFalse();
  }

  @Test
  void when_the_continuation_breaks_too_and_no_target_is_left_the_stream_ends_with_an_error_event() {
    ClientResponse response = stream(textRequest(), "openai/sim-cut-3, anthropic/sim-cut-8", Map.of());
    ChatAssembler answer = ChatAssembler.ofEvents(response.events());

    assertThat(answer.text()).isEqualTo(SimulatedAnswer.text(SEED, AnswerLanguage.ENGLISH, 11));
    assertThat(answer.error().getString("code")).isEqualTo("upstream_stream_cut");
    assertThat(answer.done()).isFalse();
  }

  @Test
  void a_continuation_can_itself_be_continued() {
    ClientResponse response = stream(textRequest(), "openai/sim-cut-3, anthropic/sim-cut-8, gemini/sim-model",
        Map.of());
    ChatAssembler answer = ChatAssembler.ofEvents(response.events());

    assertThat(answer.error()).isNull();
    assertThat(answer.text()).isEqualTo(SimulatedAnswer.text(SEED, AnswerLanguage.ENGLISH, TOKENS));
    assertOneStream(response.events());
  }

  /** One role chunk, one chunk id and model throughout, one {@code [DONE]} at the end, no error. */
  private static void assertOneStream(List<String> events) {
    assertThat(events).last().isEqualTo("[DONE]");
    assertThat(events).filteredOn("[DONE]"::equals).hasSize(1);
    List<JsonObject> chunks = events.stream().filter(e -> !"[DONE]".equals(e)).map(JsonObject::new).toList();
    assertThat(chunks).filteredOn(c -> c.containsKey("error")).isEmpty();
    assertThat(chunks).filteredOn(c -> c.encode().contains("\"role\"")).hasSize(1);
    assertThat(chunks).extracting(c -> c.getString("id")).containsOnly(chunks.get(0).getString("id"));
    assertThat(chunks).extracting(c -> c.getString("model")).containsOnly(chunks.get(0).getString("model"));
    assertThat(chunks).filteredOn(c -> c.getValue("usage") instanceof JsonObject).hasSizeLessThanOrEqualTo(1);
  }
}
