package com.mas.gateway.provider.gemini;

import static com.mas.gateway.provider.gemini.GeminiSse.of;
import static com.mas.gateway.provider.gemini.GeminiSse.replay;
import static com.mas.gateway.provider.gemini.GeminiSse.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.chat.Usage;
import com.mas.gateway.testkit.ChatAssembler;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Hand-written Gemini streams in the recorded shape (README "Streaming wire format",
 * {@code GenerateContentResponse} chunks): finish reasons, parallel function calls, blocked
 * prompts, malformed function calls and usage normalisation.
 */
class GeminiStreamEndingsTest {

  private static final String TWO_CALLS = "{\"candidates\": [{\"content\": {\"parts\": ["
      + "{\"functionCall\": {\"name\": \"get_weather\",\"args\": {\"city\": \"北京\"}},\"thoughtSignature\": \"c2ln\"},"
      + "{\"functionCall\": {\"name\": \"get_time\",\"args\": {\"zone\": \"Asia/Shanghai\", \"n\": [1, 2.5]}}}],"
      + "\"role\": \"model\"},\"index\": 0}],\"modelVersion\": \"gemini-2.5-flash\"}";
  private static final String THIRD_CALL_AND_STOP = "{\"candidates\": [{\"content\": {\"parts\": ["
      + "{\"functionCall\": {\"name\": \"ping\"}}],\"role\": \"model\"},\"finishReason\": \"STOP\",\"index\": 0}],"
      + "\"usageMetadata\": {\"promptTokenCount\": 40,\"candidatesTokenCount\": 12,\"totalTokenCount\": 52}}";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"STOP,stop", "MAX_TOKENS,length", "SAFETY,content_filter", "RECITATION,content_filter",
      "BLOCKLIST,content_filter", "PROHIBITED_CONTENT,content_filter", "SPII,content_filter",
      "IMAGE_SAFETY,content_filter", "OTHER,stop", "LANGUAGE,stop", "SOMETHING_NEW,stop"})
  void maps_each_finish_reason(String gemini, String openAi) {
    RecordingSink sink = replay(of(text("Hello", null), text(" world", gemini)), false, false);

    assertThat(sink.finished()).isTrue();
    assertThat(sink.assembled().text()).isEqualTo("Hello world");
    assertThat(sink.assembled().finishReason()).isEqualTo(openAi);
  }

  @Test
  void a_finish_without_content_still_opens_with_the_role() {
    RecordingSink sink = replay(of("{\"candidates\": [{\"finishReason\": \"SAFETY\",\"index\": 0}]}"), false, false);

    assertThat(sink.payloads()).hasSize(3);
    assertThat(sink.payloads().get(0)).contains("\"role\":\"assistant\"");
    assertThat(sink.assembled().finishReason()).isEqualTo("content_filter");
  }

  @Test
  void parallel_function_calls_get_one_index_each_in_order() {
    RecordingSink sink = replay(of(TWO_CALLS, THIRD_CALL_AND_STOP), true, false);

    List<JsonObject> calls = sink.assembled().toolCalls();
    assertThat(calls).extracting(c -> c.getInteger("index")).containsExactly(0, 1, 2);
    assertThat(calls).extracting(c -> c.getString("id")).containsExactly("call_test_0", "call_test_1", "call_test_2");
    assertThat(calls).extracting(c -> c.getString("name")).containsExactly("get_weather", "get_time", "ping");
    assertThat(calls).extracting(c -> c.getString("arguments"))
        .containsExactly("{\"city\":\"北京\"}", "{\"zone\":\"Asia/Shanghai\",\"n\":[1,2.5]}", "{}");
    assertThat(sink.assembled().finishReason()).isEqualTo("tool_calls");
    assertThat(sink.payloads()).noneMatch(p -> p.contains("c2ln"));
  }

  @Test
  void each_call_is_one_delta_with_id_name_and_whole_arguments() {
    RecordingSink sink = replay(of(TWO_CALLS, THIRD_CALL_AND_STOP), false, false);

    assertThat(sink.payloads().get(1)).contains("\"tool_calls\":[{\"index\":0,\"id\":\"call_test_0\","
        + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"北京\\\"}\"}}]");
  }

  @Test
  void a_malformed_function_call_before_content_is_an_error_not_a_stop() {
    RecordingSink sink = replay(of("{\"candidates\": [{\"finishReason\": \"MALFORMED_FUNCTION_CALL\",\"index\": 0}]}"),
        false, false);

    assertThat(sink.payloads()).isEmpty();
    assertThat(sink.failure().status()).isEqualTo(502);
    assertThat(sink.failure().code()).isEqualTo("upstream_malformed_function_call");
    assertThat(sink.failure().getMessage()).contains("MALFORMED_FUNCTION_CALL");
  }

  @Test
  void a_malformed_function_call_after_content_fails_the_stream() {
    RecordingSink sink = replay(of(text("Let me check", null), text("", "MALFORMED_FUNCTION_CALL")), true, false);

    assertThat(sink.assembled().text()).isEqualTo("Let me check");
    assertThat(sink.assembled().finishReason()).isNull();
    assertThat(sink.failure().code()).isEqualTo("upstream_malformed_function_call");
  }

  @Test
  void a_blocked_prompt_is_a_400_content_filter() {
    RecordingSink sink = replay(of("{\"promptFeedback\": {\"blockReason\": \"SAFETY\",\"safetyRatings\": []},"
        + "\"usageMetadata\": {\"promptTokenCount\": 9,\"totalTokenCount\": 9}}"), true, false);

    assertThat(sink.payloads()).isEmpty();
    assertThat(sink.failure().status()).isEqualTo(400);
    assertThat(sink.failure().code()).isEqualTo("content_filter");
    assertThat(sink.failure().getMessage()).contains("SAFETY");
  }

  @Test
  void a_block_after_content_ends_with_content_filter() {
    RecordingSink sink = replay(of(text("Once", null), "{\"promptFeedback\": {\"blockReason\": \"OTHER\"}}"),
        false, false);

    assertThat(sink.finished()).isTrue();
    assertThat(sink.assembled().finishReason()).isEqualTo("content_filter");
  }

  @Test
  void usage_adds_thoughts_and_tool_prompt_and_keeps_cached_tokens() {
    GeminiStreamTranslator translator = GeminiSse.translator(true, false);
    String last = "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"ok\"}]},\"finishReason\": \"STOP\"}],"
        + "\"usageMetadata\": {\"promptTokenCount\": 1000,\"cachedContentTokenCount\": 800,"
        + "\"toolUsePromptTokenCount\": 20,\"candidatesTokenCount\": 30,\"thoughtsTokenCount\": 70,"
        + "\"totalTokenCount\": 1120}}";
    RecordingSink sink = replay(of(text("x", null), last).getBytes(java.nio.charset.StandardCharsets.UTF_8),
        translator);

    assertThat(translator.usage()).isEqualTo(new Usage(1020, 100, 800, 0, 70));
    JsonObject usage = sink.assembled().usage();
    assertThat(usage.getLong("total_tokens")).isEqualTo(1120);
    assertThat(usage.getJsonObject("prompt_tokens_details").getLong("cached_tokens")).isEqualTo(800);
  }

  @Test
  void events_after_the_finish_update_usage_but_add_no_content() {
    GeminiStreamTranslator translator = GeminiSse.translator(true, false);
    RecordingSink sink = replay(of(text("Hi", "STOP"), text("late", null).replace("\"candidatesTokenCount\": 3",
        "\"candidatesTokenCount\": 4")).getBytes(java.nio.charset.StandardCharsets.UTF_8), translator);

    ChatAssembler answer = sink.assembled();
    assertThat(answer.text()).isEqualTo("Hi");
    assertThat(answer.usage().getLong("completion_tokens")).isEqualTo(4);
    assertThat(answer.done()).isTrue();
  }
}
