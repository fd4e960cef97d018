package com.mas.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.Conformance;
import com.mas.gateway.testkit.ReplayUpstream;
import com.mas.gateway.testkit.TestConfigs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * End to end: what the Gemini upstream receives for OpenAI conversations (path, {@code alt=sse},
 * {@code x-goog-api-key}, the translated body) and what the client gets back, for multi-turn
 * chats with a system prompt, images, tool-result round trips and non-streaming calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeminiReplayConversationTest {

  private static final String HELLO = GeminiSse.of(GeminiSse.text("你好！", null), GeminiSse.text("有什么可以帮您？", "STOP"));

  private GeminiGateway gateway;

  @BeforeAll
  void start() {
    gateway = new GeminiGateway();
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  private static JsonObject message(String role, Object content) {
    return new JsonObject().put("role", role).put("content", content);
  }

  @Test
  void multi_turn_with_a_system_prompt_reaches_gemini_translated() {
    JsonObject request = new JsonObject().put("model", "gemini-2.5-flash").put("stream", true).put("temperature", 0.3)
        .put("messages", new JsonArray().add(message("system", "You are a cosmetics sales assistant."))
            .add(message("user", "推荐一款面霜")).add(message("assistant", "您的肤质是？"))
            .add(message("user", "干性皮肤")));
    ClientResponse response = gateway.stream(HELLO, 4).chat(request);

    assertThat(ChatAssembler.ofEvents(response.events()).text()).isEqualTo("你好！有什么可以帮您？");
    ReplayUpstream.Received received = gateway.lastReceived();
    assertThat(received.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    assertThat(received.query()).isEqualTo("alt=sse");
    assertThat(received.headers()).containsEntry("x-goog-api-key", TestConfigs.UPSTREAM_KEY);
    assertThat(received.headers()).doesNotContainKey("authorization");
    assertThat(received.headers().values()).noneMatch(v -> v.contains(TestConfigs.KEY));
    assertThat(new JsonObject(received.body())).isEqualTo(new JsonObject("""
        {"systemInstruction":{"parts":[{"text":"You are a cosmetics sales assistant."}]},
         "contents":[{"role":"user","parts":[{"text":"推荐一款面霜"}]},{"role":"model","parts":[{"text":"您的肤质是？"}]},
                     {"role":"user","parts":[{"text":"干性皮肤"}]}],
         "generationConfig":{"temperature":0.3}}
        """));
  }

  @Test
  void image_input_goes_inline_or_by_uri() {
    JsonArray content = new JsonArray()
        .add(new JsonObject().put("type", "text").put("text", "Which is brighter?"))
        .add(new JsonObject().put("type", "image_url").put("image_url", new JsonObject().put("url",
            "data:image/png;base64,iVBORw0KGgo=")))
        .add(new JsonObject().put("type", "image_url").put("image_url", new JsonObject().put("url",
            "https://cdn.example.com/products/cream.webp")));
    JsonObject request = GeminiGateway.ask("x", true);
    request.getJsonArray("messages").getJsonObject(0).put("content", content);
    ClientResponse response = gateway.stream(HELLO, 0).chat(request);

    assertThat(response.status()).isEqualTo(200);
    assertThat(new JsonObject(gateway.lastReceived().body()).getJsonArray("contents").getJsonObject(0)
        .getJsonArray("parts")).isEqualTo(new JsonArray("""
        [{"text":"Which is brighter?"},{"inlineData":{"mimeType":"image/png","data":"iVBORw0KGgo="}},
         {"fileData":{"mimeType":"image/webp","fileUri":"https://cdn.example.com/products/cream.webp"}}]
        """));
  }

  @Test
  void a_streamed_tool_call_round_trips_with_its_result() {
    ClientResponse first = gateway.stream(Conformance.text("gemini/stream_function_call.sse"), 7)
        .chat(GeminiReplayStreamTest.requestFor("stream_function_call"));
    JsonObject call = ChatAssembler.ofEvents(first.events()).toolCalls().get(0);

    JsonObject request = GeminiReplayStreamTest.requestFor("stream_function_call");
    request.getJsonArray("messages")
        .add(new JsonObject().put("role", "assistant").putNull("content").put("tool_calls", new JsonArray().add(
            new JsonObject().put("id", call.getString("id")).put("type", "function").put("function",
                new JsonObject().put("name", call.getString("name")).put("arguments", call.getString("arguments"))))))
        .add(new JsonObject().put("role", "tool").put("tool_call_id", call.getString("id"))
            .put("content", "{\"now\":\"2025-07-28T10:00:00Z\"}"));
    ClientResponse second = gateway.stream(GeminiSse.of(GeminiSse.text("156 days.", "STOP")), 3).chat(request);

    assertThat(ChatAssembler.ofEvents(second.events()).text()).isEqualTo("156 days.");
    JsonArray contents = new JsonObject(gateway.lastReceived().body()).getJsonArray("contents");
    assertThat(contents.getJsonObject(1)).isEqualTo(new JsonObject("""
        {"role":"model","parts":[{"functionCall":{"name":"now","args":{}},
          "thoughtSignature":"skip_thought_signature_validator"}]}"""));
    assertThat(contents.getJsonObject(2)).isEqualTo(new JsonObject("""
        {"role":"user","parts":[{"functionResponse":{"name":"now","response":{"now":"2025-07-28T10:00:00Z"}}}]}"""));
  }

  @Test
  void non_streaming_calls_generate_content_and_answer_a_chat_completion() {
    // gemini/nonstream.json: verbatim firebase-data unary-success-basic-reply-short.json
    ClientResponse response = gateway.answer(200, "application/json", Conformance.text("gemini/nonstream.json"), 0)
        .chat(GeminiGateway.ask("Where is Google headquarters located?", false));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("content-type")).startsWith("application/json");
    JsonObject message = response.json().getJsonArray("choices").getJsonObject(0).getJsonObject("message");
    assertThat(message.getString("content")).isEqualTo(new JsonObject(Conformance.text("gemini/nonstream.expected.json"))
        .getString("text"));
    assertThat(response.json().getJsonObject("usage").getInteger("total_tokens")).isEqualTo(29);
    assertThat(gateway.lastReceived().path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(gateway.lastReceived().query()).isNull();
    assertThat(new JsonObject(gateway.lastReceived().body())).isEqualTo(new JsonObject(
        Conformance.text("gemini/nonstream.request.json")));
  }

  @Test
  void a_request_gemini_cannot_express_is_refused_before_anything_is_sent() {
    int before = gateway.lastReceivedCount();
    JsonObject request = GeminiGateway.ask("x", true).put("tools", new JsonArray().add(new JsonObject()
        .put("type", "function").put("function", new JsonObject().put("name", "f").put("parameters",
            new JsonObject().put("type", "object").put("properties", new JsonObject().put("when",
                new JsonObject().put("oneOf", new JsonArray().add(new JsonObject().put("type", "string")))))))));
    ClientResponse response = gateway.stream(HELLO, 0).chat(request);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.error().getString("param")).isEqualTo("tools[0].function.parameters.properties.when.oneOf");
    assertThat(gateway.lastReceivedCount()).isEqualTo(before);
  }
}
