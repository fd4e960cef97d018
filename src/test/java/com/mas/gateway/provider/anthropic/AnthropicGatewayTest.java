package com.mas.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.TestConfigs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end through a real gateway: an OpenAI-shaped client, the Anthropic provider, and a
 * replay upstream serving Anthropic streams written in the documented shapes
 * ({@link AnthropicStream}) for the cases the conformance transcripts lack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnthropicGatewayTest {

  private AnthropicGateway gateway;

  @BeforeAll
  void start() {
    gateway = new AnthropicGateway();
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  private static String request(String model, JsonArray messages, JsonObject extra) {
    return new JsonObject().put("model", model).put("messages", messages).put("stream", true)
        .put("stream_options", new JsonObject().put("include_usage", true)).mergeIn(extra).encode();
  }

  private static String request(JsonArray messages) {
    return request("claude-3-7-sonnet-20250219", messages, new JsonObject());
  }

  private static JsonArray user(String text) {
    return new JsonArray().add(message("user", text));
  }

  private static JsonObject message(String role, Object content) {
    return new JsonObject().put("role", role).put("content", content);
  }

  private ChatAssembler chat(AnthropicStream stream, int maxPiece, String request) {
    ClientResponse response = gateway.stream(stream.text(), maxPiece, request);
    assertThat(response.status()).isEqualTo(200);
    return ChatAssembler.ofEvents(response.events());
  }

  private JsonObject sent() {
    return new JsonObject(gateway.lastReceived().body());
  }

  @Test
  void a_plain_text_answer_streams_to_the_client() {
    ChatAssembler chat = chat(AnthropicStream.start().ping().text("Bonjour", " ! 你好 👋").end("end_turn", 6), 0,
        request(user("Salut")));

    assertThat(chat.text()).isEqualTo("Bonjour ! 你好 👋");
    assertThat(chat.finishReason()).isEqualTo("stop");
    assertThat(chat.done()).isTrue();
    assertThat(chat.usage().getInteger("prompt_tokens")).isEqualTo(10);
    assertThat(chat.usage().getInteger("completion_tokens")).isEqualTo(6);
  }

  @Test
  void a_multi_turn_conversation_goes_upstream_translated_with_anthropics_headers_only() {
    JsonArray messages = new JsonArray().add(message("system", "You sell cosmetics."))
        .add(message("user", "Hi")).add(message("assistant", "Hello! How can I help?"))
        .add(message("user", "A red lipstick?"));
    chat(AnthropicStream.start().text("Try Rouge 99.").end("end_turn", 5), 0,
        request(AnthropicGateway.DECLARED_MODEL, messages, new JsonObject().put("temperature", 1.4)));

    assertThat(sent()).isEqualTo(new JsonObject().put("model", AnthropicGateway.DECLARED_MODEL)
        .put("max_tokens", AnthropicGateway.DEFAULT_MAX_TOKENS).put("system", "You sell cosmetics.")
        .put("messages", new JsonArray().add(message("user", "Hi")).add(message("assistant", "Hello! How can I help?"))
            .add(message("user", "A red lipstick?")))
        .put("temperature", 1).put("stream", true));
    Map<String, String> headers = gateway.lastReceived().headers();
    assertThat(gateway.lastReceived().path()).isEqualTo("/v1/messages");
    assertThat(headers.get("x-api-key")).isEqualTo(TestConfigs.UPSTREAM_KEY);
    assertThat(headers.get("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(headers.get("content-type")).isEqualTo("application/json");
    assertThat(headers).doesNotContainKey("authorization");
    assertThat(headers.values()).noneMatch(v -> v.contains(TestConfigs.KEY));
  }

  @Test
  void images_go_upstream_as_base64_and_url_sources() {
    JsonArray parts = new JsonArray()
        .add(new JsonObject().put("type", "text").put("text", "Compare these"))
        .add(new JsonObject().put("type", "image_url").put("image_url", new JsonObject().put("url", "data:image/png;base64,iVBORw0KGgo=")))
        .add(new JsonObject().put("type", "image_url").put("image_url", new JsonObject().put("url", "https://cdn.example.com/a.webp")));
    ChatAssembler chat = chat(AnthropicStream.start().text("Same shade.").end("end_turn", 3), 0,
        request(new JsonArray().add(message("user", parts))));

    assertThat(chat.text()).isEqualTo("Same shade.");
    JsonArray content = sent().getJsonArray("messages").getJsonObject(0).getJsonArray("content");
    assertThat(content.getJsonObject(1).getJsonObject("source")).isEqualTo(new JsonObject().put("type", "base64")
        .put("media_type", "image/png").put("data", "iVBORw0KGgo="));
    assertThat(content.getJsonObject(2).getJsonObject("source"))
        .isEqualTo(new JsonObject().put("type", "url").put("url", "https://cdn.example.com/a.webp"));
  }

  @Test
  void an_unsupported_image_is_refused_before_anything_is_sent() {
    int before = gateway.upstream.received().size();
    JsonArray parts = new JsonArray().add(new JsonObject().put("type", "text").put("text", "What is this?"))
        .add(new JsonObject().put("type", "image_url").put("image_url", new JsonObject().put("url", "data:image/tiff;base64,SUkqAA==")));
    ClientResponse response = gateway.stream("", 0, request(new JsonArray().add(message("user", parts))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.error().getString("param")).isEqualTo("messages[0].content[1]");
    assertThat(response.error().getString("message")).contains("image/tiff");
    assertThat(gateway.upstream.received()).hasSize(before);
  }

  @Test
  void a_tool_call_whose_arguments_arrive_in_pieces_is_assembled_exactly() {
    AnthropicStream stream = AnthropicStream.start().text("Let me check.")
        .tool("toolu_01", "find_product", "{\"query\": \"rouge", " à lèvres\", \"li", "mit\": 3}").end("tool_use", 50);
    for (int maxPiece : new int[] {0, 2, 9}) {
      ChatAssembler chat = chat(stream, maxPiece, request(user("Find lipstick")));

      assertThat(chat.toolCalls()).singleElement().satisfies(call -> {
        assertThat(call.getString("id")).isEqualTo("toolu_01");
        assertThat(call.getString("name")).isEqualTo("find_product");
        assertThat(call.getString("arguments")).isEqualTo("{\"query\": \"rouge à lèvres\", \"limit\": 3}");
      });
      assertThat(chat.text()).isEqualTo("Let me check.");
      assertThat(chat.finishReason()).isEqualTo("tool_calls");
    }
  }

  @Test
  void two_tool_use_blocks_become_parallel_tool_calls() {
    ChatAssembler chat = chat(AnthropicStream.start().tool("toolu_a", "stock", "{\"sku\":\"A1\"}")
        .tool("toolu_b", "price", "{\"sku\":", "\"A1\"}").end("tool_use", 40), 4, request(user("Stock and price?")));

    List<JsonObject> calls = chat.toolCalls();
    assertThat(calls).extracting(c -> c.getString("id")).containsExactly("toolu_a", "toolu_b");
    assertThat(calls).extracting(c -> c.getString("arguments")).containsExactly("{\"sku\":\"A1\"}", "{\"sku\":\"A1\"}");
    assertThat(chat.text()).isNull();
  }

  @Test
  void a_tool_result_round_trip_goes_upstream_as_tool_use_and_tool_result_blocks() {
    JsonArray messages = user("Stock of A1 and B2?")
        .add(new JsonObject().put("role", "assistant").putNull("content").put("tool_calls", new JsonArray()
            .add(toolCall("call_1", "{\"sku\":\"A1\"}")).add(toolCall("call_2", "{\"sku\":\"B2\"}"))))
        .add(new JsonObject().put("role", "tool").put("tool_call_id", "call_1").put("content", "12"))
        .add(new JsonObject().put("role", "tool").put("tool_call_id", "call_2").put("content", "0"));
    ChatAssembler chat = chat(AnthropicStream.start().text("A1: 12, B2: sold out.").end("end_turn", 9), 0,
        request(messages));

    assertThat(chat.text()).isEqualTo("A1: 12, B2: sold out.");
    JsonArray turns = sent().getJsonArray("messages");
    assertThat(turns).hasSize(3);
    assertThat(turns.getJsonObject(1).getJsonArray("content").getJsonObject(1)).isEqualTo(new JsonObject()
        .put("type", "tool_use").put("id", "call_2").put("name", "stock").put("input", new JsonObject().put("sku", "B2")));
    assertThat(turns.getJsonObject(2)).isEqualTo(new JsonObject().put("role", "user").put("content", new JsonArray()
        .add(new JsonObject().put("type", "tool_result").put("tool_use_id", "call_1").put("content", "12"))
        .add(new JsonObject().put("type", "tool_result").put("tool_use_id", "call_2").put("content", "0"))));
  }

  private static JsonObject toolCall(String id, String arguments) {
    return new JsonObject().put("id", id).put("type", "function")
        .put("function", new JsonObject().put("name", "stock").put("arguments", arguments));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"end_turn, stop", "stop_sequence, stop", "pause_turn, stop", "max_tokens, length",
      "tool_use, tool_calls", "refusal, content_filter"})
  void each_stop_reason_reaches_the_client_as_its_finish_reason(String stopReason, String finishReason) {
    assertThat(chat(AnthropicStream.start().text("x").end(stopReason, 1), 0, request(user("Hi"))).finishReason())
        .isEqualTo(finishReason);
  }

  @Test
  void json_schema_output_streams_the_forced_tool_input_as_content() {
    JsonObject format = new JsonObject().put("type", "json_schema").put("json_schema", new JsonObject()
        .put("name", "verdict").put("schema", new JsonObject().put("type", "object")));
    ChatAssembler chat = chat(AnthropicStream.start().tool("toolu_1", "verdict", "{\"compliant\":", " true}")
        .end("tool_use", 8), 3, request("claude-3-7-sonnet-20250219", user("Check it"),
        new JsonObject().put("response_format", format)));

    assertThat(new JsonObject(chat.text())).isEqualTo(new JsonObject().put("compliant", true));
    assertThat(chat.toolCalls()).isEmpty();
    assertThat(chat.finishReason()).isEqualTo("stop");
    assertThat(sent().getJsonObject("tool_choice")).isEqualTo(new JsonObject().put("type", "tool").put("name", "verdict"));
  }

  @Test
  void cache_reads_and_writes_count_as_prompt_tokens() {
    ChatAssembler chat = chat(AnthropicStream.start("msg_c", "claude-x", 20, 3000, 500).text("ok").end("end_turn", 2),
        0, request(user("Hi")));

    assertThat(chat.usage().getInteger("prompt_tokens")).isEqualTo(3520);
    assertThat(chat.usage().getJsonObject("prompt_tokens_details").getInteger("cached_tokens")).isEqualTo(3000);
    assertThat(chat.usage().getInteger("total_tokens")).isEqualTo(3522);
  }
}
