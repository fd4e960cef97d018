package com.mas.gateway.provider.anthropic;

import static com.mas.gateway.provider.anthropic.AnthropicTranslatorTest.translator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.Usage;
import com.mas.gateway.testkit.Conformance;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Whole (non-streaming) messages as chat completions ({@link MessageBody}). */
class MessageBodyTest {

  private static final String TOOL_MESSAGE = """
      {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
       "content":[{"type":"thinking","thinking":"Which tool?","signature":"sig"},
                  {"type":"text","text":"Let me look."},
                  {"type":"tool_use","id":"toolu_1","name":"find","input":{"q":"lipstick","max":2.50}}],
       "stop_reason":"tool_use","stop_sequence":null,
       "usage":{"input_tokens":12,"output_tokens":30,"cache_read_input_tokens":100,"cache_creation_input_tokens":8}}
      """;

  private static JsonObject complete(AnthropicTranslator translator, String body) {
    return new JsonObject(translator.completeBody(Buffer.buffer(body)));
  }

  @Test
  void the_documented_message_becomes_a_chat_completion() {
    // nonstream.json: the docs.anthropic.com/en/api/messages example response (see its README.md)
    AnthropicTranslator translator = translator(AnswerShape.PLAIN, false);
    JsonObject completion = complete(translator, Conformance.text("anthropic/nonstream.json"));
    JsonObject expected = new JsonObject(Conformance.text("anthropic/nonstream.expected.json"));

    assertThat(completion.getString("id")).isEqualTo("msg_013Zva2CMHLNnXjNJJKqJ2EF");
    assertThat(completion.getString("object")).isEqualTo("chat.completion");
    assertThat(completion.getString("model")).isEqualTo("claude-3-5-sonnet-20240620");
    assertThat(completion.getLong("created")).isPositive();
    JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getJsonObject("message").encode())
        .isEqualTo(new JsonObject().put("role", "assistant").put("content", expected.getString("text")).encode());
    assertThat(choice.getString("finish_reason")).isEqualTo("stop");
    assertThat(completion.getJsonObject("usage").getLong("prompt_tokens")).isEqualTo(2095);
    assertThat(completion.getJsonObject("usage").getLong("completion_tokens")).isEqualTo(503);
    assertThat(completion.getJsonObject("usage").getLong("total_tokens")).isEqualTo(2598);
    assertThat(translator.usage()).isEqualTo(new Usage(2095, 503, 0, 0, 0));
    assertThat(translator.contentSent()).isTrue();
  }

  @Test
  void tool_use_blocks_become_tool_calls_and_cache_counts_join_the_prompt() {
    AnthropicTranslator translator = translator(AnswerShape.PLAIN, false);
    JsonObject completion = complete(translator, TOOL_MESSAGE);
    JsonObject message = completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message");

    assertThat(message.getString("content")).isEqualTo("Let me look.");
    assertThat(message.containsKey("reasoning_content")).isFalse();
    JsonObject call = message.getJsonArray("tool_calls").getJsonObject(0);
    assertThat(call.getString("id")).isEqualTo("toolu_1");
    assertThat(call.getString("type")).isEqualTo("function");
    assertThat(call.getJsonObject("function").getString("name")).isEqualTo("find");
    assertThat(call.getJsonObject("function").getString("arguments")).isEqualTo("{\"q\":\"lipstick\",\"max\":2.5}");
    assertThat(completion.getJsonArray("choices").getJsonObject(0).getString("finish_reason")).isEqualTo("tool_calls");
    assertThat(completion.getJsonObject("usage").getJsonObject("prompt_tokens_details").getLong("cached_tokens"))
        .isEqualTo(100);
    assertThat(translator.usage()).isEqualTo(new Usage(120, 30, 100, 8, 0));
  }

  @Test
  void content_is_null_when_the_answer_is_tool_calls_only() {
    String body = TOOL_MESSAGE.replace("{\"type\":\"text\",\"text\":\"Let me look.\"},", "");
    JsonObject message = complete(translator(AnswerShape.PLAIN, false), body)
        .getJsonArray("choices").getJsonObject(0).getJsonObject("message");

    assertThat(message.containsKey("content")).isTrue();
    assertThat(message.getValue("content")).isNull();
  }

  @Test
  void thinking_is_reasoning_content_when_opted_in() {
    JsonObject message = complete(translator(new AnswerShape(false, true), false), TOOL_MESSAGE)
        .getJsonArray("choices").getJsonObject(0).getJsonObject("message");

    assertThat(message.getString("reasoning_content")).isEqualTo("Which tool?");
  }

  @Test
  void json_output_returns_the_forced_tool_input_as_content() {
    JsonObject choice = complete(translator(new AnswerShape(true, false), false), TOOL_MESSAGE)
        .getJsonArray("choices").getJsonObject(0);

    assertThat(choice.getJsonObject("message").getString("content")).isEqualTo("{\"q\":\"lipstick\",\"max\":2.5}");
    assertThat(choice.getJsonObject("message").containsKey("tool_calls")).isFalse();
    assertThat(choice.getString("finish_reason")).isEqualTo("stop");
  }

  @Test
  void a_malformed_body_is_a_bad_gateway() {
    assertThatThrownBy(() -> translator(AnswerShape.PLAIN, false).completeBody(Buffer.buffer("{\"id\":")))
        .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code()).isEqualTo("upstream_malformed_response"));
  }

  @Test
  void an_error_body_is_mapped_like_an_error_status() {
    assertThatThrownBy(() -> translator(AnswerShape.PLAIN, false)
        .completeBody(Buffer.buffer(Conformance.bytes("anthropic/errors/529_overloaded_error.json"))))
        .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status()).isEqualTo(503));
  }
}
