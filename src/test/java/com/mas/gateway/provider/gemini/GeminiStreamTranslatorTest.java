package com.mas.gateway.provider.gemini;

import static com.mas.gateway.provider.gemini.GeminiSse.replay;
import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.chat.Usage;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.Conformance;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recorded Gemini streams of ../shared/conformance/gemini (firebase-data recordings, CRLF)
 * through {@code SseFramer} and {@link GeminiStreamTranslator}, against their
 * {@code *.expected.json}. The expected files use Gemini's terms: {@code output_tokens} is
 * {@code candidatesTokenCount}, which OpenAI's {@code completion_tokens} adds the thoughts to.
 */
class GeminiStreamTranslatorTest {

  private static JsonObject expected(String name) {
    return new JsonObject(Conformance.text("gemini/" + name + ".expected.json"));
  }

  private static RecordingSink conformance(String name, boolean includeUsage, boolean reasoning) {
    return replay(Conformance.text("gemini/" + name + ".sse"), includeUsage, reasoning);
  }

  @Test
  void stream_text_assembles_the_recorded_answer() {
    // gemini/stream_text.sse: verbatim firebase-data streaming-success-basic-reply-short.txt
    RecordingSink sink = conformance("stream_text", true, false);
    JsonObject expected = expected("stream_text");

    assertThat(sink.finished()).isTrue();
    ChatAssembler answer = sink.assembled();
    assertThat(answer.text()).isEqualTo(expected.getString("text"));
    assertThat(answer.finishReason()).isEqualTo("stop");
    assertThat(answer.done()).isTrue();
    assertUsage(answer.usage(), expected.getJsonObject("usage"));
    assertThat(answer.toolCalls()).isEmpty();
  }

  @Test
  void stream_text_sends_role_first_then_deltas_finish_usage_and_done() {
    RecordingSink sink = conformance("stream_text", true, false);

    List<String> events = sink.payloads();
    assertThat(events).hasSize(7);
    assertThat(events.get(0)).contains("\"delta\":{\"role\":\"assistant\",\"content\":\"\"}");
    assertThat(events.get(1)).contains("\"content\":\"The\"");
    assertThat(events.get(4)).contains("\"finish_reason\":\"stop\"");
    assertThat(events.get(5)).contains("\"choices\":[]").contains("\"usage\"");
    assertThat(events.get(6)).isEqualTo("[DONE]");
    assertThat(events.get(1)).startsWith("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\","
        + "\"created\":1700000000,\"model\":\"gemini-2.5-flash\"");
  }

  @Test
  void usage_chunk_only_when_asked_but_usage_always_reported() {
    GeminiStreamTranslator translator = GeminiSse.translator(false, false);
    RecordingSink sink = replay(Conformance.bytes("gemini/stream_text.sse"), translator);

    assertThat(sink.payloads()).noneMatch(p -> p.contains("\"usage\""));
    assertThat(translator.usage()).isEqualTo(new Usage(7, 10, 0, 0, 0));
    assertThat(translator.contentSent()).isTrue();
  }

  @Test
  void stream_thinking_sends_thoughts_as_reasoning_when_opted_in() {
    // gemini/stream_thinking.sse: verbatim firebase-data streaming-success-thinking-reply-thought-summary.txt
    RecordingSink sink = conformance("stream_thinking", true, true);
    JsonObject expected = expected("stream_thinking");

    ChatAssembler answer = sink.assembled();
    assertThat(answer.text()).isEqualTo(expected.getString("text"));
    assertThat(answer.reasoning()).isEqualTo(expected.getString("thought_text"));
    assertThat(answer.finishReason()).isEqualTo("stop");
    assertUsage(answer.usage(), expected.getJsonObject("usage"));
    assertThat(answer.usage().getJsonObject("completion_tokens_details").getInteger("reasoning_tokens")).isEqualTo(540);
  }

  @Test
  void thoughts_never_leak_into_content_without_opt_in() {
    RecordingSink sink = conformance("stream_thinking", false, false);

    ChatAssembler answer = sink.assembled();
    assertThat(answer.text()).isEqualTo(expected("stream_thinking").getString("text"));
    assertThat(answer.reasoning()).isEmpty();
    assertThat(sink.payloads()).noneMatch(p -> p.contains("Exploring Sky Color"));
  }

  @Test
  void stream_function_call_becomes_one_complete_tool_call() {
    // gemini/stream_function_call.sse: verbatim firebase-data
    // streaming-success-thinking-function-call-thought-summary-signature.txt
    RecordingSink sink = conformance("stream_function_call", true, true);
    JsonObject expected = expected("stream_function_call");

    ChatAssembler answer = sink.assembled();
    assertThat(answer.text()).isNull();
    assertThat(answer.reasoning()).isEqualTo(expected.getString("thought_text"));
    assertThat(answer.toolCalls()).hasSize(1);
    JsonObject call = answer.toolCalls().get(0);
    assertThat(call.getString("id")).isEqualTo("call_test_0");
    assertThat(call.getString("name")).isEqualTo("now");
    assertThat(new JsonObject(call.getString("arguments"))).isEqualTo(expected.getJsonArray("tool_calls")
        .getJsonObject(0).getJsonObject("args"));
    assertThat(answer.finishReason()).isEqualTo("tool_calls");
    assertUsage(answer.usage(), expected.getJsonObject("usage"));
    assertThat(sink.payloads()).noneMatch(p -> p.contains("thoughtSignature"));
  }

  @Test
  void stream_error_midstream_fails_after_the_content_with_the_mapped_error() {
    // gemini/stream_error_midstream.sse: assembled (first chunk of stream_text + a 503 UNAVAILABLE event)
    RecordingSink sink = conformance("stream_error_midstream", true, false);
    JsonObject expected = expected("stream_error_midstream");

    assertThat(sink.assembled().text()).isEqualTo(expected.getString("text"));
    assertThat(sink.finished()).isFalse();
    assertThat(sink.failure().status()).isEqualTo(503);
    assertThat(sink.failure().code()).isEqualTo("upstream_overloaded");
    assertThat(sink.failure().getMessage()).contains(expected.getJsonObject("error").getString("message"));
    assertThat(sink.assembled().finishReason()).isNull();
  }

  @Test
  void an_error_event_before_any_content_writes_nothing() {
    RecordingSink sink = replay(GeminiSse.of("{\"error\": {\"code\": 429, \"message\": \"slow down\", \"status\": "
        + "\"RESOURCE_EXHAUSTED\", \"details\": [{\"@type\": \"type.googleapis.com/google.rpc.RetryInfo\", "
        + "\"retryDelay\": \"1.5s\"}]}}"), true, false);

    assertThat(sink.payloads()).isEmpty();
    assertThat(sink.failure().status()).isEqualTo(429);
    assertThat(sink.failure().headers()).containsEntry("retry-after", "2");
  }

  @Test
  void a_body_that_ends_without_a_finish_reason_was_cut() {
    String sse = Conformance.text("gemini/stream_text.sse");
    RecordingSink sink = replay(sse.substring(0, sse.lastIndexOf("data: ")), true, false);

    assertThat(sink.assembled().text()).isEqualTo("The capital of Wyoming");
    assertThat(sink.failure().code()).isEqualTo("upstream_stream_cut");
    assertThat(sink.payloads()).doesNotContain("[DONE]");
  }

  @Test
  void a_malformed_event_fails_the_stream() {
    RecordingSink sink = replay(GeminiSse.of(GeminiSse.text("Hi", null), "{\"candidates\": [{"), true, false);

    assertThat(sink.failure().code()).isEqualTo("upstream_malformed_event");
    assertThat(sink.assembled().text()).isEqualTo("Hi");
  }

  private static void assertUsage(JsonObject actual, JsonObject expected) {
    long thoughts = expected.getLong("thoughts_tokens", 0L);
    assertThat(actual.getLong("prompt_tokens")).isEqualTo(expected.getLong("input_tokens"));
    assertThat(actual.getLong("completion_tokens")).isEqualTo(expected.getLong("output_tokens") + thoughts);
    assertThat(actual.getLong("total_tokens")).isEqualTo(expected.getLong("total_tokens"));
  }
}
