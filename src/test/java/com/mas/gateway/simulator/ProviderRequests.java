package com.mas.gateway.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/** Request bodies, paths and headers of the Anthropic and Gemini formats, for tests. */
final class ProviderRequests {

  static final String MESSAGES = "/v1/messages";

  private ProviderRequests() {}

  /** An Anthropic Messages body with one user message and {@code max_tokens: 1024}. */
  static JsonObject anthropic(String model, String userText) {
    return new JsonObject().put("model", model).put("max_tokens", 1024).put("messages",
        new JsonArray().add(new JsonObject().put("role", "user").put("content", userText)));
  }

  static JsonObject anthropicStream(String model, String userText) {
    return anthropic(model, userText).put("stream", true);
  }

  /** An Anthropic tool named get_weather, forced with {@code tool_choice: any}. */
  static JsonObject withAnthropicTool(JsonObject body) {
    JsonObject schema = new JsonObject().put("type", "object");
    return body.put("tools", new JsonArray().add(new JsonObject().put("name", "get_weather")
            .put("description", "weather").put("input_schema", schema)))
        .put("tool_choice", new JsonObject().put("type", "any"));
  }

  /** The headers Anthropic requires, plus any extra name/value pairs. */
  static Map<String, String> anthropicHeaders(String key, String... extra) {
    Map<String, String> headers = withPairs(extra);
    headers.put("anthropic-version", "2023-06-01");
    if (key != null) {
      headers.put("x-api-key", key);
    }
    return headers;
  }

  /** A Gemini body with one user turn. */
  static JsonObject gemini(String userText) {
    JsonObject part = new JsonObject().put("text", userText);
    return new JsonObject().put("contents", new JsonArray().add(new JsonObject()
        .put("role", "user").put("parts", new JsonArray().add(part))));
  }

  /** A Gemini function get_weather, forced with {@code mode: ANY}. */
  static JsonObject withGeminiTool(JsonObject body) {
    JsonObject function = new JsonObject().put("name", "get_weather")
        .put("parameters", new JsonObject().put("type", "OBJECT"));
    return body.put("tools", new JsonArray().add(new JsonObject()
            .put("functionDeclarations", new JsonArray().add(function))))
        .put("toolConfig", new JsonObject().put("functionCallingConfig",
            new JsonObject().put("mode", "ANY")));
  }

  static String geminiStream(String model) {
    return "/v1beta/models/" + model + ":streamGenerateContent?alt=sse";
  }

  static String geminiGenerate(String model) {
    return "/v1beta/models/" + model + ":generateContent";
  }

  /** Gemini's key header, plus any extra name/value pairs. */
  static Map<String, String> geminiHeaders(String key, String... extra) {
    Map<String, String> headers = withPairs(extra);
    if (key != null) {
      headers.put("x-goog-api-key", key);
    }
    return headers;
  }

  private static Map<String, String> withPairs(String... pairs) {
    Map<String, String> headers = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      headers.put(pairs[i], pairs[i + 1]);
    }
    return headers;
  }
}
