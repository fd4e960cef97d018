package com.mas.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.Conformance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end: an OpenAI client streams through a real gateway from a replay upstream serving
 * the recorded Gemini streams of ../shared/conformance/gemini (and hand-written ones in the same
 * shape). The assembled answer must equal the provider's ({@code *.expected.json}) however the
 * bytes are split (maxPiece 1, 3, 7: inside lines, multi-byte characters, between CR and LF)
 * and with LF instead of CRLF line ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeminiReplayStreamTest {

  private GeminiGateway gateway;

  @BeforeAll
  void start() {
    gateway = new GeminiGateway();
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  /** The OpenAI request a client would send for each recorded answer (see its request.json). */
  static JsonObject requestFor(String name) {
    JsonObject request = switch (name) {
      case "stream_thinking" -> GeminiGateway.ask("Why is the sky blue?", true).put("reasoning_effort", "low");
      case "stream_function_call" -> GeminiGateway.ask("How many days until New Year's Eve?", true)
          .put("reasoning_effort", "low").put("tools", new JsonArray().add(new JsonObject().put("type", "function")
              .put("function", new JsonObject().put("name", "now").put("description", "Returns the current date and time."))));
      default -> GeminiGateway.ask("What is the capital of Wyoming?", true);
    };
    return request.put("stream_options", new JsonObject().put("include_usage", true));
  }

  static Stream<Arguments> framings() {
    return Stream.of("stream_text", "stream_thinking", "stream_function_call", "stream_error_midstream")
        .flatMap(name -> Stream.of(0, 1, 3, 7).flatMap(piece -> Stream.of(
            Arguments.of(name, piece, false), Arguments.of(name, piece, true))));
  }

  @ParameterizedTest(name = "{0} maxPiece={1} lf={2}")
  @MethodSource("framings")
  void assembles_the_recorded_answer_whatever_the_framing(String name, int maxPiece, boolean lf) {
    String sse = Conformance.text("gemini/" + name + ".sse");
    ClientResponse response = gateway.stream(lf ? sse.replace("\r\n", "\n") : sse, maxPiece).chat(requestFor(name));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("content-type")).startsWith("text/event-stream");
    assertMatches(ChatAssembler.ofEvents(response.events()),
        new JsonObject(Conformance.text("gemini/" + name + ".expected.json")));
  }

  private static void assertMatches(ChatAssembler actual, JsonObject expected) {
    String text = expected.getString("text");
    assertThat(actual.text()).isEqualTo(text.isEmpty() ? null : text);
    assertThat(actual.reasoning()).isEqualTo(expected.getString("thought_text", ""));
    JsonArray calls = expected.getJsonArray("tool_calls");
    assertThat(actual.toolCalls()).hasSize(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      assertThat(actual.toolCalls().get(i).getString("id")).matches("call_[0-9a-z]+_" + i);
      assertThat(actual.toolCalls().get(i).getString("name")).isEqualTo(calls.getJsonObject(i).getString("name"));
      assertThat(new JsonObject(actual.toolCalls().get(i).getString("arguments")))
          .isEqualTo(calls.getJsonObject(i).getJsonObject("args"));
    }
    if (expected.getValue("error") == null) {
      assertThat(actual.finishReason()).isEqualTo(calls.isEmpty() ? "stop" : "tool_calls");
      assertThat(actual.done()).isTrue();
      JsonObject usage = expected.getJsonObject("usage");
      long thoughts = usage.getLong("thoughts_tokens", 0L);
      assertThat(actual.usage().getLong("prompt_tokens")).isEqualTo(usage.getLong("input_tokens"));
      assertThat(actual.usage().getLong("completion_tokens")).isEqualTo(usage.getLong("output_tokens") + thoughts);
      assertThat(actual.usage().getLong("total_tokens")).isEqualTo(usage.getLong("total_tokens"));
    } else {
      assertThat(actual.finishReason()).isNull();
      assertThat(actual.done()).isFalse();
      assertThat(actual.error().getString("code")).isEqualTo("upstream_overloaded");
      assertThat(actual.error().getString("message")).contains(expected.getJsonObject("error").getString("message"));
    }
  }

  @Test
  void plain_text_streams_role_content_finish_and_done_without_usage_unless_asked() {
    ClientResponse response = gateway.stream(Conformance.text("gemini/stream_text.sse"), 0)
        .chat(GeminiGateway.ask("What is the capital of Wyoming?", true));

    List<String> events = response.events();
    assertThat(events.get(0)).contains("\"delta\":{\"role\":\"assistant\",\"content\":\"\"}");
    assertThat(events).noneMatch(e -> e.contains("\"usage\""));
    assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
    assertThat(ChatAssembler.ofEvents(events).text()).isEqualTo("The capital of Wyoming is **Cheyenne**.\n");
    assertThat(new JsonObject(events.get(1)).getString("model")).isEqualTo("gemini-2.5-flash");
  }

  @Test
  void parallel_tool_calls_stream_as_separate_indexed_calls() {
    String sse = GeminiSse.of("{\"candidates\": [{\"content\": {\"parts\": ["
        + "{\"functionCall\": {\"name\": \"get_weather\",\"args\": {\"city\": \"杭州\"}}},"
        + "{\"functionCall\": {\"name\": \"get_weather\",\"args\": {\"city\": \"苏州\"}}}],\"role\": \"model\"},"
        + "\"finishReason\": \"STOP\",\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 30,"
        + "\"candidatesTokenCount\": 16,\"totalTokenCount\": 46}}");
    ClientResponse response = gateway.stream(sse, 5).chat(GeminiGateway.ask("Weather in 杭州 and 苏州?", true));

    ChatAssembler answer = ChatAssembler.ofEvents(response.events());
    assertThat(answer.toolCalls()).extracting(c -> c.getString("arguments"))
        .containsExactly("{\"city\":\"杭州\"}", "{\"city\":\"苏州\"}");
    assertThat(answer.toolCalls()).extracting(c -> c.getInteger("index")).containsExactly(0, 1);
    assertThat(answer.toolCalls().get(0).getString("id")).isNotEqualTo(answer.toolCalls().get(1).getString("id"));
    assertThat(answer.finishReason()).isEqualTo("tool_calls");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"STOP,stop", "MAX_TOKENS,length", "SAFETY,content_filter", "RECITATION,content_filter",
      "PROHIBITED_CONTENT,content_filter", "OTHER,stop"})
  void each_finish_reason_reaches_the_client(String gemini, String openAi) {
    ClientResponse response = gateway.stream(GeminiSse.of(GeminiSse.text("Partial", null),
        GeminiSse.text(" answer", gemini)), 3).chat(GeminiGateway.ask("Tell me", true));

    ChatAssembler answer = ChatAssembler.ofEvents(response.events());
    assertThat(response.status()).isEqualTo(200);
    assertThat(answer.text()).isEqualTo("Partial answer");
    assertThat(answer.finishReason()).isEqualTo(openAi);
    assertThat(answer.done()).isTrue();
  }

  @Test
  void a_malformed_function_call_first_is_an_http_502() {
    ClientResponse response = gateway.stream(GeminiSse.of("{\"candidates\": [{\"finishReason\": "
        + "\"MALFORMED_FUNCTION_CALL\",\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 12}}"), 0)
        .chat(GeminiGateway.ask("Book it", true));

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.error().getString("code")).isEqualTo("upstream_malformed_function_call");
  }

  @Test
  void a_malformed_function_call_after_content_ends_with_an_error_event() {
    ClientResponse response = gateway.stream(GeminiSse.of(GeminiSse.text("Booking", null),
        GeminiSse.text("", "MALFORMED_FUNCTION_CALL")), 0).chat(GeminiGateway.ask("Book it", true));

    ChatAssembler answer = ChatAssembler.ofEvents(response.events());
    assertThat(response.status()).isEqualTo(200);
    assertThat(answer.text()).isEqualTo("Booking");
    assertThat(answer.finishReason()).isNull();
    assertThat(answer.error().getString("code")).isEqualTo("upstream_malformed_function_call");
    assertThat(answer.done()).isFalse();
  }
}
