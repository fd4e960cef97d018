package com.mas.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.config.TimeoutConfig;
import com.mas.gateway.simulator.AnswerLanguage;
import com.mas.gateway.simulator.SimulatedAnswer;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.SimulatedUpstream;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An OpenAI client talks to Anthropic and Gemini through the gateway, end to end: the built-in
 * simulator answers in each provider's own wire format and the client must receive what an
 * OpenAI upstream would have sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranslatedProvidersTest {

  private SimulatedUpstream setup;

  @BeforeAll
  void start() {
    setup = new SimulatedUpstream(TimeoutConfig.DEFAULT);
  }

  @AfterAll
  void stop() {
    setup.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"anthropic", "gemini"})
  void streams_the_answer_token_by_token_with_usage(String provider) {
    ClientResponse response = chat(provider + "/sim-model", true, Map.of("x-sim-tokens", "30"),
        new JsonObject().put("stream_options", new JsonObject().put("include_usage", true)));
    ChatAssembler answer = ChatAssembler.ofEvents(response.events());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("content-type")).startsWith("text/event-stream");
    assertThat(response.headers().get("x-gateway-provider")).isEqualTo(provider);
    assertThat(answer.text()).isEqualTo(SimulatedAnswer.text(42, AnswerLanguage.ENGLISH, 30));
    assertThat(answer.finishReason()).isEqualTo("stop");
    assertThat(answer.usage().getInteger("completion_tokens")).isEqualTo(30);
    assertThat(answer.usage().getInteger("prompt_tokens")).isPositive();
    assertThat(response.events()).last().isEqualTo("[DONE]");
    assertThat(response.events().size()).as("one event per token at least").isGreaterThan(30);
  }

  @ParameterizedTest
  @ValueSource(strings = {"anthropic", "gemini"})
  void keeps_traditional_chinese_intact(String provider) {
    ClientResponse response = chat(provider + "/sim-model", true,
        Map.of("x-sim-tokens", "40", "x-sim-language", "zh-Hant", "x-sim-token-bytes", "1"), new JsonObject());

    assertThat(ChatAssembler.ofEvents(response.events()).text())
        .isEqualTo(SimulatedAnswer.text(42, AnswerLanguage.TRADITIONAL_CHINESE, 40));
  }

  @ParameterizedTest
  @ValueSource(strings = {"anthropic", "gemini"})
  void answers_non_streaming_requests_with_a_chat_completion(String provider) {
    JsonObject completion = chat(provider + "/sim-model", false, Map.of("x-sim-tokens", "9"), new JsonObject()).json();

    assertThat(completion.getString("object")).isEqualTo("chat.completion");
    JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getJsonObject("message").getString("content"))
        .isEqualTo(SimulatedAnswer.text(42, AnswerLanguage.ENGLISH, 9));
    assertThat(choice.getString("finish_reason")).isEqualTo("stop");
    assertThat(completion.getJsonObject("usage").getInteger("completion_tokens")).isEqualTo(9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"anthropic", "gemini"})
  void streams_a_tool_call_as_openai_tool_call_deltas(String provider) {
    JsonObject tools = new JsonObject().put("tools", new JsonArray().add(new JsonObject().put("type", "function")
        .put("function", new JsonObject().put("name", "find_product").put("parameters",
            new JsonObject().put("type", "object").put("properties",
                new JsonObject().put("query", new JsonObject().put("type", "string")))))));
    ChatAssembler answer = ChatAssembler.ofEvents(
        chat(provider + "/sim-model", true, Map.of("x-sim-tool-call", "find_product"), tools).events());

    assertThat(answer.finishReason()).isEqualTo("tool_calls");
    assertThat(answer.toolCalls()).hasSize(1);
    JsonObject call = answer.toolCalls().get(0);
    assertThat(call.getString("id")).isNotBlank();
    assertThat(call.getString("name")).isEqualTo("find_product");
    assertThat(new JsonObject(call.getString("arguments")).fieldNames()).isNotEmpty();
  }

  @ParameterizedTest
  @CsvSource({"anthropic, max_tokens, length", "anthropic, refusal, content_filter",
      "anthropic, stop_sequence, stop", "gemini, MAX_TOKENS, length", "gemini, SAFETY, content_filter"})
  void maps_finish_reasons(String provider, String upstreamReason, String clientReason) {
    ChatAssembler answer = ChatAssembler.ofEvents(
        chat(provider + "/sim-model", true, Map.of("x-sim-finish", upstreamReason), new JsonObject()).events());

    assertThat(answer.finishReason()).isEqualTo(clientReason);
    assertThat(answer.done()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"anthropic", "gemini"})
  void keeps_a_rate_limit_a_429_with_retry_after(String provider) {
    ClientResponse response = chat(provider + "/sim-model", true,
        Map.of("x-sim-fault", "status=429;retry-after=7"), new JsonObject());

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers().get("retry-after")).isEqualTo("7");
    assertThat(response.error().getString("type")).isEqualTo("rate_limit_error");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anthropic", "gemini"})
  void an_error_before_any_content_is_an_http_error(String provider) {
    ClientResponse response = chat(provider + "/sim-model", true, Map.of("x-sim-fault", "error-after=0"), new JsonObject());

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.error().getString("code")).isEqualTo("upstream_overloaded");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anthropic", "gemini"})
  void an_error_after_content_ends_the_stream_with_an_error_event(String provider) {
    ChatAssembler answer = ChatAssembler.ofEvents(chat(provider + "/sim-model", true,
        Map.of("x-sim-fault", "error-after=5", "x-sim-tokens", "20"), new JsonObject()).events());

    assertThat(answer.text()).isNotEmpty();
    assertThat(answer.error()).isNotNull();
    assertThat(answer.done()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"anthropic", "gemini"})
  void a_cut_stream_ends_with_an_error_event(String provider) {
    ChatAssembler answer = ChatAssembler.ofEvents(chat(provider + "/sim-model", true,
        Map.of("x-sim-fault", "cut-after=6", "x-sim-tokens", "20"), new JsonObject()).events());

    assertThat(answer.text()).isNotEmpty();
    assertThat(answer.error().getString("code")).isEqualTo("upstream_stream_cut");
    assertThat(answer.finishReason()).isNull();
  }

  @org.junit.jupiter.api.Test
  void a_malformed_gemini_function_call_is_an_error_never_a_stop() {
    ClientResponse response = chat("gemini/sim-model", true,
        Map.of("x-sim-finish", "MALFORMED_FUNCTION_CALL"), new JsonObject());

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.error().getString("message")).containsIgnoringCase("function call");
  }

  private ClientResponse chat(String model, boolean stream, Map<String, String> headers, JsonObject extra) {
    JsonObject body = new JsonObject(SimulatedUpstream.chat(model, stream)).mergeIn(extra);
    Map<String, String> withSeed = new java.util.HashMap<>(headers);
    withSeed.put("x-sim-seed", "42");
    return Await.result(setup.client.chat(body.encode(), withSeed));
  }
}
