package com.mas.gateway.provider.anthropic;

import static com.mas.gateway.provider.anthropic.AnthropicTranslatorTest.translator;
import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.chat.Usage;
import com.mas.gateway.testkit.ChatAssembler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stream cases the conformance transcripts lack, written in the documented shapes ({@link AnthropicStream}). */
class AnthropicStreamCasesTest {

  @Test
  void parallel_tool_blocks_become_tool_calls_numbered_from_zero_with_id_and_name_first() {
    String sse = AnthropicStream.start().text("Checking both.")
        .tool("toolu_A", "get_weather", "{\"city\":", " \"Paris\"}")
        .tool("toolu_B", "get_time", "{\"zone\"", ":\"CET\"", "}").end("tool_use", 40).text();
    RecordingSink sink = RecordingSink.replay(translator(AnswerShape.PLAIN, false), sse);

    List<JsonObject> calls = sink.assembled().toolCalls();
    assertThat(calls).extracting(c -> c.getInteger("index")).containsExactly(0, 1);
    assertThat(calls.get(0).getString("id")).isEqualTo("toolu_A");
    assertThat(calls.get(0).getString("name")).isEqualTo("get_weather");
    assertThat(calls.get(0).getString("arguments")).isEqualTo("{\"city\": \"Paris\"}");
    assertThat(calls.get(1).getString("id")).isEqualTo("toolu_B");
    assertThat(calls.get(1).getString("arguments")).isEqualTo("{\"zone\":\"CET\"}");
    assertThat(sink.assembled().finishReason()).isEqualTo("tool_calls");
    assertThat(sink.assembled().text()).isEqualTo("Checking both.");
    List<JsonObject> deltas = toolDeltas(sink);
    assertThat(deltas).hasSize(7);
    assertThat(deltas.get(0).getString("id")).isEqualTo("toolu_A");
    assertThat(deltas.get(0).getJsonObject("function").getString("arguments")).isEmpty();
    assertThat(deltas.subList(1, 3)).allSatisfy(d -> {
      assertThat(d.containsKey("id")).isFalse();
      assertThat(d.getJsonObject("function").containsKey("name")).isFalse();
      assertThat(d.getJsonObject("function").getString("arguments")).isNotEmpty();
    });
  }

  @Test
  void a_tool_without_streamed_input_gets_an_empty_object() {
    String sse = AnthropicStream.start().tool("toolu_1", "list_products").end("tool_use", 5).text();

    List<JsonObject> calls = RecordingSink.replay(translator(AnswerShape.PLAIN, false), sse).assembled().toolCalls();
    assertThat(calls).singleElement().satisfies(c -> assertThat(c.getString("arguments")).isEqualTo("{}"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"end_turn, stop", "stop_sequence, stop", "pause_turn, stop", "max_tokens, length",
      "tool_use, tool_calls", "refusal, content_filter", "some_future_reason, stop"})
  void maps_each_stop_reason(String stopReason, String finishReason) {
    String sse = AnthropicStream.start().text("Hi").end(stopReason, 3).text();

    assertThat(RecordingSink.replay(translator(AnswerShape.PLAIN, false), sse).assembled().finishReason())
        .isEqualTo(finishReason);
  }

  @Test
  void usage_counts_cache_reads_and_writes_as_prompt_tokens_and_the_last_output_count() {
    String sse = AnthropicStream.start("msg_1", "claude-x", 30, 1000, 200).text("Hi")
        .event("message_delta", new JsonObject().put("delta", new JsonObject().put("stop_reason", "end_turn"))
            .put("usage", new JsonObject().put("output_tokens", 12).putNull("input_tokens")))
        .event("message_stop", new JsonObject()).text();
    AnthropicTranslator translator = translator(AnswerShape.PLAIN, true);
    ChatAssembler chat = RecordingSink.replay(translator, sse).assembled();

    assertThat(translator.usage()).isEqualTo(new Usage(1230, 12, 1000, 200, 0));
    assertThat(chat.usage().getLong("prompt_tokens")).isEqualTo(1230);
    assertThat(chat.usage().getLong("completion_tokens")).isEqualTo(12);
    assertThat(chat.usage().getJsonObject("prompt_tokens_details").getLong("cached_tokens")).isEqualTo(1000);
  }

  @Test
  void input_counts_in_message_delta_replace_those_of_message_start() {
    String sse = AnthropicStream.start("msg_1", "claude-x", 30, 0, 0).text("Hi")
        .event("message_delta", new JsonObject().put("delta", new JsonObject().put("stop_reason", "end_turn"))
            .put("usage", new JsonObject().put("output_tokens", 7).put("input_tokens", 35)
                .put("cache_read_input_tokens", 5)))
        .event("message_stop", new JsonObject()).text();
    AnthropicTranslator translator = translator(AnswerShape.PLAIN, false);
    RecordingSink.replay(translator, sse);

    assertThat(translator.usage()).isEqualTo(new Usage(40, 7, 5, 0, 0));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({"overloaded_error, 503, upstream_overloaded", "rate_limit_error, 429, rate_limit_exceeded",
      "api_error, 502, upstream_error", "invalid_request_error, 400, ", "authentication_error, 502, "
      + "upstream_authentication_failed", "request_too_large, 413, request_too_large",
      "brand_new_error, 502, upstream_error"})
  void an_error_before_any_content_sends_nothing_so_the_client_gets_its_status(String type, int status, String code) {
    String sse = AnthropicStream.start().ping().event("content_block_start", new JsonObject().put("index", 0)
        .put("content_block", new JsonObject().put("type", "text").put("text", ""))).error(type, "It broke").text();
    AnthropicTranslator translator = translator(AnswerShape.PLAIN, true);
    RecordingSink sink = RecordingSink.replay(translator, sse);

    assertThat(sink.payloads).isEmpty();
    assertThat(translator.contentSent()).isFalse();
    assertThat(sink.failure.status()).isEqualTo(status);
    assertThat(sink.failure.code()).isEqualTo(code);
    if (type.equals("authentication_error")) {
      assertThat(sink.failure.getMessage()).doesNotContain("It broke");
    }
  }

  @Test
  void a_body_that_ends_before_message_stop_is_a_cut_stream() {
    String sse = AnthropicStream.start().text("Hel").text();
    RecordingSink sink = RecordingSink.replay(translator(AnswerShape.PLAIN, true), sse);

    assertThat(sink.assembled().text()).isEqualTo("Hel");
    assertThat(sink.failure.status()).isEqualTo(502);
    assertThat(sink.failure.code()).isEqualTo("upstream_stream_cut");
  }

  @Test
  void a_malformed_event_fails_the_stream() {
    String sse = AnthropicStream.start().text() + "event: content_block_delta\ndata: {\"index\":0,\"delta\n\n";
    RecordingSink sink = RecordingSink.replay(translator(AnswerShape.PLAIN, true), sse);

    assertThat(sink.failure.code()).isEqualTo("upstream_malformed_event");
  }

  @Test
  void pings_unknown_events_unknown_blocks_and_unknown_deltas_are_ignored() {
    String sse = AnthropicStream.start().ping()
        .event("brand_new_event", new JsonObject().put("x", 1))
        .event("content_block_start", new JsonObject().put("index", 0)
            .put("content_block", new JsonObject().put("type", "redacted_thinking").put("data", "opaque")))
        .event("content_block_stop", new JsonObject().put("index", 0))
        .event("content_block_start", new JsonObject().put("index", 1)
            .put("content_block", new JsonObject().put("type", "text").put("text", "")))
        .event("content_block_delta", new JsonObject().put("index", 1)
            .put("delta", new JsonObject().put("type", "citations_delta").put("citation", new JsonObject())))
        .event("content_block_delta", new JsonObject().put("index", 1)
            .put("delta", new JsonObject().put("type", "text_delta").put("text", "Only this")))
        .event("content_block_stop", new JsonObject().put("index", 1)).ping().end("end_turn", 4).text();
    RecordingSink sink = RecordingSink.replay(translator(AnswerShape.PLAIN, false), sse);

    assertThat(sink.failure).isNull();
    assertThat(sink.assembled().text()).isEqualTo("Only this");
    assertThat(sink.payloads).hasSize(4); // role, content, finish, [DONE]
  }

  @Test
  void thinking_reaches_the_client_as_reasoning_content_only_when_opted_in() {
    String sse = AnthropicStream.start().thinking("Let me ", "think.").text("42").end("end_turn", 9).text();

    ChatAssembler opted = RecordingSink.replay(translator(new AnswerShape(false, true), false), sse).assembled();
    RecordingSink plain = RecordingSink.replay(translator(AnswerShape.PLAIN, false), sse);

    assertThat(opted.reasoning()).isEqualTo("Let me think.");
    assertThat(opted.text()).isEqualTo("42");
    assertThat(plain.assembled().reasoning()).isEmpty();
    assertThat(plain.assembled().text()).isEqualTo("42");
    assertThat(String.join("", plain.payloads)).doesNotContain("think").doesNotContain("EqQB");
  }

  @Test
  void json_output_streams_the_forced_tool_input_as_content_and_finishes_with_stop() {
    String sse = AnthropicStream.start().text("ignored preamble")
        .tool("toolu_1", ToolMapper.JSON_TOOL, "{\"name\":", "\"Ada\",\"age\":3", "6}").end("tool_use", 20).text();
    ChatAssembler chat = RecordingSink.replay(translator(new AnswerShape(true, false), false), sse).assembled();

    assertThat(chat.text()).isEqualTo("{\"name\":\"Ada\",\"age\":36}");
    assertThat(chat.toolCalls()).isEmpty();
    assertThat(chat.finishReason()).isEqualTo("stop");
  }

  @Test
  void an_empty_answer_still_opens_with_the_role_and_finishes() {
    String sse = AnthropicStream.start().end("max_tokens", 0).text();
    RecordingSink sink = RecordingSink.replay(translator(AnswerShape.PLAIN, false), sse);

    assertThat(sink.payloads).hasSize(3);
    assertThat(sink.payloads.get(0)).contains("\"role\":\"assistant\"");
    assertThat(sink.assembled().finishReason()).isEqualTo("length");
    assertThat(sink.finished).isTrue();
  }

  @Test
  void a_stream_without_message_start_uses_the_fallback_id_and_model() {
    String sse = AnthropicStream.start().text("x").end("end_turn", 1).text();
    sse = sse.substring(sse.indexOf("event: content_block_start"));
    RecordingSink sink = RecordingSink.replay(translator(AnswerShape.PLAIN, false), sse);

    assertThat(new JsonObject(sink.payloads.get(0)).getString("id")).isEqualTo("chatcmpl-req");
    assertThat(new JsonObject(sink.payloads.get(0)).getString("model")).isEqualTo("claude-fallback");
    assertThat(sink.assembled().text()).isEqualTo("x");
  }

  private static List<JsonObject> toolDeltas(RecordingSink sink) {
    return sink.payloads.stream().filter(p -> p.contains("\"tool_calls\":["))
        .map(p -> new JsonObject(p).getJsonArray("choices").getJsonObject(0).getJsonObject("delta"))
        .map(d -> (JsonObject) d.getJsonArray("tool_calls", new JsonArray()).getValue(0)).toList();
  }
}
