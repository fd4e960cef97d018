package com.mas.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.Usage;
import com.mas.gateway.testkit.Conformance;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Whole {@code generateContent} responses translated to OpenAI {@code chat.completion} bodies. */
class GeminiCompletionTest {

  private static final String CALLS = "{\"candidates\": [{\"content\": {\"parts\": ["
      + "{\"text\": \"thinking it over\", \"thought\": true},"
      + "{\"functionCall\": {\"name\": \"get_weather\", \"args\": {\"city\": \"Paris\"}}, \"thoughtSignature\": \"c2ln\"},"
      + "{\"functionCall\": {\"name\": \"get_time\"}}], \"role\": \"model\"}, \"finishReason\": \"STOP\"}],"
      + "\"usageMetadata\": {\"promptTokenCount\": 20, \"candidatesTokenCount\": 10, \"thoughtsTokenCount\": 5,"
      + "\"totalTokenCount\": 35}}";

  private static JsonObject complete(GeminiStreamTranslator translator, String body) {
    return new JsonObject(translator.completeBody(Buffer.buffer(body)));
  }

  @Test
  void nonstream_json_becomes_a_chat_completion() {
    // gemini/nonstream.json: verbatim firebase-data unary-success-basic-reply-short.json
    GeminiStreamTranslator translator = GeminiSse.translator(false, false);
    JsonObject completion = complete(translator, Conformance.text("gemini/nonstream.json"));
    JsonObject expected = new JsonObject(Conformance.text("gemini/nonstream.expected.json"));

    assertThat(completion.getString("object")).isEqualTo("chat.completion");
    assertThat(completion.getString("id")).isEqualTo("chatcmpl-1");
    assertThat(completion.getString("model")).isEqualTo(GeminiSse.MODEL);
    JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getJsonObject("message").getString("role")).isEqualTo("assistant");
    assertThat(choice.getJsonObject("message").getString("content")).isEqualTo(expected.getString("text"));
    assertThat(choice.getJsonObject("message").containsKey("tool_calls")).isFalse();
    assertThat(choice.getString("finish_reason")).isEqualTo("stop");
    assertThat(completion.getJsonObject("usage").getInteger("prompt_tokens")).isEqualTo(7);
    assertThat(completion.getJsonObject("usage").getInteger("completion_tokens")).isEqualTo(22);
    assertThat(completion.getJsonObject("usage").getInteger("total_tokens")).isEqualTo(29);
    assertThat(translator.usage()).isEqualTo(new Usage(7, 22, 0, 0, 0));
    assertThat(translator.contentSent()).isTrue();
  }

  @Test
  void function_calls_become_tool_calls_with_made_up_ids() {
    JsonObject message = complete(GeminiSse.translator(false, true), CALLS).getJsonArray("choices").getJsonObject(0)
        .getJsonObject("message");

    assertThat(message.getValue("content")).isNull();
    assertThat(message.getString("reasoning_content")).isEqualTo("thinking it over");
    assertThat(message.getJsonArray("tool_calls").encode()).isEqualTo("[{\"id\":\"call_test_0\",\"type\":\"function\","
        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}},"
        + "{\"id\":\"call_test_1\",\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":\"{}\"}}]");
  }

  @Test
  void tool_calls_finish_and_usage_counts_thoughts() {
    JsonObject completion = complete(GeminiSse.translator(false, false), CALLS);

    assertThat(completion.getJsonArray("choices").getJsonObject(0).getString("finish_reason")).isEqualTo("tool_calls");
    assertThat(completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message")
        .containsKey("reasoning_content")).isFalse();
    assertThat(completion.getJsonObject("usage").getInteger("completion_tokens")).isEqualTo(15);
    assertThat(completion.getJsonObject("usage").getInteger("total_tokens")).isEqualTo(35);
  }

  @Test
  void a_cut_off_answer_without_parts_has_null_content_and_length() {
    JsonObject choice = complete(GeminiSse.translator(false, false),
        "{\"candidates\": [{\"content\": {\"role\": \"model\"}, \"finishReason\": \"MAX_TOKENS\"}]}")
        .getJsonArray("choices").getJsonObject(0);

    assertThat(choice.getJsonObject("message").getValue("content")).isNull();
    assertThat(choice.getString("finish_reason")).isEqualTo("length");
  }

  @Test
  void a_blocked_prompt_is_a_400_and_a_malformed_call_a_502() {
    GatewayException blocked = failure("{\"promptFeedback\": {\"blockReason\": \"PROHIBITED_CONTENT\"}}");
    GatewayException malformed = failure("{\"candidates\": [{\"finishReason\": \"MALFORMED_FUNCTION_CALL\"}]}");
    GatewayException empty = failure("{\"usageMetadata\": {}}");
    GatewayException notJson = failure("[{\"candidates\": []}]");

    assertThat(blocked.status()).isEqualTo(400);
    assertThat(blocked.code()).isEqualTo("content_filter");
    assertThat(malformed.status()).isEqualTo(502);
    assertThat(malformed.code()).isEqualTo("upstream_malformed_function_call");
    assertThat(empty.code()).isEqualTo("upstream_malformed_response");
    assertThat(notJson.code()).isEqualTo("upstream_malformed_response");
  }

  private static GatewayException failure(String body) {
    return catchThrowableOfType(GatewayException.class,
        () -> GeminiSse.translator(false, false).completeBody(Buffer.buffer(body)));
  }
}
