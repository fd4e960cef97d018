package com.mas.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.Conformance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Anthropic stream transcripts of ../shared/conformance/anthropic (see its README.md for
 * each file's source) and how an OpenAI client's assembled result must match their
 * {@code *.expected.json}.
 */
final class ConformanceStreams {

  /** stop_reason → finish_reason for the reasons the transcripts use, written out independently. */
  private static final Map<String, String> FINISH = Map.of("end_turn", "stop", "tool_use", "tool_calls");

  private ConformanceStreams() {}

  /** Transcripts that end with message_stop. */
  static Stream<String> complete() {
    return Stream.of("stream_text", "stream_text_compact", "stream_tool_use", "stream_thinking");
  }

  /** Transcripts that end with an error event after some text. */
  static Stream<String> failing() {
    return Stream.of("stream_error_overloaded", "stream_error_overloaded_observed");
  }

  static String sse(String name) {
    return Conformance.text("anthropic/" + name + ".sse");
  }

  static JsonObject expected(String name) {
    return new JsonObject(Conformance.text("anthropic/" + name + ".expected.json"));
  }

  /** The answer shape the transcript's request asks for (stream_thinking opts in to thinking). */
  static AnswerShape shape(String name) {
    String request = "anthropic/" + name + ".request.json";
    return Conformance.exists(request) ? AnswerShape.of((ObjectNode) Json.tree(Conformance.text(request)))
        : AnswerShape.PLAIN;
  }

  /** Asserts that {@code actual} carries what {@code expected} says the stream holds. */
  static void assertMatches(ChatAssembler actual, JsonObject expected) {
    assertThat(actual.text()).isEqualTo(expected.getString("text"));
    assertThat(actual.reasoning()).isEqualTo(expected.getString("thinking_text", ""));
    String stopReason = expected.getString("stop_reason");
    assertThat(actual.finishReason()).isEqualTo(stopReason == null ? null : FINISH.get(stopReason));
    assertThat(actual.done()).isEqualTo(expected.getBoolean("message_stop_received"));
    JsonArray calls = expected.getJsonArray("tool_calls");
    assertThat(actual.toolCalls()).hasSize(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      JsonObject call = calls.getJsonObject(i);
      assertThat(actual.toolCalls().get(i).getString("id")).isEqualTo(call.getString("id"));
      assertThat(actual.toolCalls().get(i).getString("name")).isEqualTo(call.getString("name"));
      assertThat(new JsonObject(actual.toolCalls().get(i).getString("arguments"))).isEqualTo(call.getJsonObject("input"));
    }
  }

  /** Asserts the usage chunk against the expected usage (null when the transcript has none). */
  static void assertUsage(ChatAssembler actual, JsonObject expected) {
    JsonObject usage = expected.getJsonObject("usage");
    if (usage == null) {
      assertThat(actual.usage()).isNull();
      return;
    }
    assertThat(actual.usage().getLong("prompt_tokens")).isEqualTo(usage.getLong("input_tokens"));
    assertThat(actual.usage().getLong("completion_tokens")).isEqualTo(usage.getLong("output_tokens"));
    assertThat(actual.usage().getLong("total_tokens"))
        .isEqualTo(usage.getLong("input_tokens") + usage.getLong("output_tokens"));
  }

  /** Everything an OpenAI client assembles, to compare two deliveries of one answer. */
  static JsonObject view(ChatAssembler chat) {
    JsonArray calls = new JsonArray();
    chat.toolCalls().forEach(calls::add);
    return new JsonObject().put("text", chat.text()).put("reasoning", chat.reasoning()).put("tool_calls", calls)
        .put("finish_reason", chat.finishReason()).put("usage", chat.usage()).put("error", chat.error())
        .put("done", chat.done());
  }

  /** {@code sse} with CRLF line ends. */
  static String crlf(String sse) {
    return sse.replace("\r\n", "\n").replace("\n", "\r\n");
  }
}
