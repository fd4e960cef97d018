package com.mas.gateway.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a chat-completions request body the simulator acts on.
 *
 * @param model the requested model, echoed in the answer
 * @param stream whether to answer with SSE
 * @param includeUsage whether {@code stream_options.include_usage} asks for a usage chunk
 * @param seed the body's {@code seed}, or null
 * @param maxTokens {@code max_completion_tokens} or else {@code max_tokens}, or null
 * @param promptTokens the estimated prompt size: message text characters / 4, rounded up, ≥ 1
 * @param messagesHash a stable 64-bit hash of the compact {@code messages} JSON
 * @param toolNames the function names in {@code tools}, in order
 * @param toolChoice {@code tool_choice} when it is a string ("auto", "none", "required"), or null
 * @param namedTool the function {@code tool_choice} names, or null
 */
record ChatCall(
    String model,
    boolean stream,
    boolean includeUsage,
    Long seed,
    Integer maxTokens,
    int promptTokens,
    long messagesHash,
    List<String> toolNames,
    String toolChoice,
    String namedTool) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads a request body.
   *
   * @throws WireError a 400 naming what is missing or malformed
   */
  static ChatCall parse(String body) {
    JsonNode root = readObject(body);
    JsonNode model = root.path("model");
    if (!model.isTextual() || model.asText().isEmpty()) {
      throw WireError.invalidRequest("you must provide a model parameter", null, null);
    }
    JsonNode messages = messages(root);
    return new ChatCall(
        model.asText(),
        root.path("stream").asBoolean(false),
        root.path("stream_options").path("include_usage").asBoolean(false),
        root.path("seed").canConvertToLong() ? root.path("seed").asLong() : null,
        maxTokens(root),
        promptTokens(messages),
        fnv1a(compact(messages)),
        toolNames(root.path("tools")),
        root.path("tool_choice").isTextual() ? root.path("tool_choice").asText() : null,
        root.path("tool_choice").path("function").path("name").textValue());
  }

  private static JsonNode readObject(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root != null && root.isObject()) {
        return root;
      }
    } catch (JsonProcessingException e) {
      // answered below like OpenAI answers any unreadable body
    }
    throw WireError.invalidRequest("We could not parse the JSON body of your request. "
        + "The OpenAI API expects a JSON payload, but what was sent was not valid JSON.",
        null, null);
  }

  private static JsonNode messages(JsonNode root) {
    JsonNode messages = root.path("messages");
    if (!messages.isArray()) {
      throw WireError.invalidRequest("Missing required parameter: 'messages'.",
          "messages", "missing_required_parameter");
    }
    if (messages.isEmpty()) {
      throw WireError.invalidRequest("Invalid 'messages': empty array. Expected an array with "
          + "minimum length 1, but got an empty array instead.", "messages", "empty_array");
    }
    return messages;
  }

  private static Integer maxTokens(JsonNode root) {
    String field = root.hasNonNull("max_completion_tokens") ? "max_completion_tokens"
        : root.hasNonNull("max_tokens") ? "max_tokens" : null;
    if (field == null) {
      return null;
    }
    JsonNode value = root.get(field);
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
      throw WireError.invalidRequest("Invalid '" + field + "': expected an integer of at least 1.",
          field, "invalid_value");
    }
    return value.asInt();
  }

  private static int promptTokens(JsonNode messages) {
    long chars = 0;
    for (JsonNode message : messages) {
      JsonNode content = message.path("content");
      if (content.isTextual()) {
        chars += content.asText().length();
      }
      for (JsonNode part : content) {
        chars += part.path("text").asText("").length();
      }
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (chars + 3) / 4));
  }

  private static List<String> toolNames(JsonNode tools) {
    List<String> names = new ArrayList<>();
    for (JsonNode tool : tools) {
      String name = tool.path("function").path("name").textValue();
      if (name != null) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  private static byte[] compact(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      // A tree just parsed from text always serializes; fall back to its text form anyway.
      return node.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** FNV-1a, 64 bits: stable across JVMs, unlike identity or map-order based hashes. */
  private static long fnv1a(byte[] bytes) {
    long hash = 0xCBF29CE484222325L;
    for (byte b : bytes) {
      hash ^= b & 0xFF;
      hash *= 0x100000001B3L;
    }
    return hash;
  }
}
