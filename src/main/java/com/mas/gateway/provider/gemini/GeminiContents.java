package com.mas.gateway.provider.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns OpenAI {@code messages} into Gemini's {@code systemInstruction} and {@code contents}.
 *
 * <ul>
 *   <li>system and developer messages, wherever they stand, become the parts of
 *       {@code systemInstruction}, in order (Gemini has one system instruction);
 *   <li>user → role {@code user}, assistant → role {@code model}; consecutive messages that map
 *       to the same role are merged into one turn, since Gemini expects turns to alternate;
 *   <li>assistant {@code tool_calls} → {@code functionCall {name, args}} parts, {@code args}
 *       parsed from the arguments string ({@code ""} counts as {@code {}}; anything but a JSON
 *       object is a 400). The first call of each assistant message carries the thought signature
 *       Google documents for replayed calls whose real signature is unknown,
 *       {@code skip_thought_signature_validator} (ai.google.dev/gemini-api/docs/thought-signatures):
 *       OpenAI has no field to carry the real one to the client and back, and Gemini 3 models
 *       refuse a replayed call without one;
 *   <li>tool messages → {@code functionResponse {name, response}} parts in a user turn. The name
 *       comes from the earlier assistant tool call with the same {@code tool_call_id} (an unknown
 *       id is a 400). {@code response} is the content itself when it is a JSON object, else
 *       {@code {"result": "<content as text>"}} (Gemini's response field is a JSON object);
 *   <li>the deprecated {@code function} role and assistant {@code function_call} are refused.
 * </ul>
 */
final class GeminiContents {

  /** Google's documented stand-in for a thought signature the gateway cannot know. */
  static final String SKIP_SIGNATURE = "skip_thought_signature_validator";

  private final ObjectReader strictJson;
  private final ArrayNode system;
  private final ArrayNode contents;
  private final Map<String, String> callNames = new HashMap<>();
  private String lastRole;
  private ArrayNode lastParts;

  GeminiContents(ObjectMapper mapper) {
    this.strictJson = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.system = mapper.createArrayNode();
    this.contents = mapper.createArrayNode();
  }

  /** Writes {@code systemInstruction} (when there is one) and {@code contents} into {@code body}. */
  void write(JsonNode messages, ObjectNode body) {
    for (int i = 0; i < messages.size(); i++) {
      message(messages.get(i), "messages[" + i + "]");
    }
    if (!system.isEmpty()) {
      body.putObject("systemInstruction").set("parts", system);
    }
    if (contents.isEmpty()) {
      throw Refusals.invalid("messages", "Gemini needs at least one user or assistant message with content "
          + "besides the system prompt.");
    }
    body.set("contents", contents);
  }

  private void message(JsonNode message, String path) {
    String role = message.path("role").asText();
    ArrayNode parts = contents.arrayNode();
    switch (role) {
      case "system", "developer" -> ContentParts.text(message.get("content"), path + ".content", system);
      case "user" -> ContentParts.user(message.get("content"), path + ".content", parts);
      case "assistant" -> assistant(message, path, parts);
      case "tool" -> parts.add(toolResult(message, path));
      default -> throw Refusals.unsupported(path + ".role", "The deprecated 'function' role cannot be sent to "
          + "Gemini; use tool_calls and 'tool' messages.");
    }
    if (!parts.isEmpty()) {
      turn("assistant".equals(role) ? "model" : "user").addAll(parts);
    }
  }

  private ArrayNode turn(String role) {
    if (!role.equals(lastRole)) {
      lastRole = role;
      ObjectNode content = contents.addObject();
      content.put("role", role);
      lastParts = content.putArray("parts");
    }
    return lastParts;
  }

  private void assistant(JsonNode message, String path, ArrayNode parts) {
    JsonNode legacy = message.get("function_call");
    if (legacy != null && !legacy.isNull()) {
      throw Refusals.unsupported(path + ".function_call", "The deprecated 'function_call' cannot be sent to "
          + "Gemini; use 'tool_calls'.");
    }
    ContentParts.text(message.get("content"), path + ".content", parts);
    JsonNode calls = message.get("tool_calls");
    if (calls == null || calls.isNull()) {
      return;
    }
    for (int j = 0; j < calls.size(); j++) {
      ObjectNode part = functionCall(calls.get(j), path + ".tool_calls[" + j + "]");
      if (j == 0) {
        part.put("thoughtSignature", SKIP_SIGNATURE);
      }
      parts.add(part);
    }
  }

  private ObjectNode functionCall(JsonNode call, String path) {
    JsonNode function = call.path("function");
    JsonNode name = function.get("name");
    if (name == null || !name.isTextual() || name.asText().isEmpty()) {
      throw Refusals.invalid(path + ".function.name", "Invalid '" + path + ".function.name': expected a name.");
    }
    JsonNode id = call.get("id");
    if (id != null && id.isTextual()) {
      callNames.put(id.asText(), name.asText());
    }
    ObjectNode part = contents.objectNode();
    ObjectNode functionCall = part.putObject("functionCall");
    functionCall.put("name", name.asText());
    functionCall.set("args", arguments(function.get("arguments"), path + ".function.arguments"));
    return part;
  }

  private JsonNode arguments(JsonNode arguments, String path) {
    if (arguments == null || arguments.isNull() || (arguments.isTextual() && arguments.asText().isBlank())) {
      return contents.objectNode();
    }
    JsonNode parsed = arguments.isTextual() ? parse(arguments.asText()) : null;
    if (parsed == null || !parsed.isObject()) {
      throw Refusals.invalid(path, "Invalid '" + path + "': expected a string holding a JSON object, as the "
          + "model produced it.");
    }
    return parsed;
  }

  private ObjectNode toolResult(JsonNode message, String path) {
    JsonNode id = message.get("tool_call_id");
    String name = id != null && id.isTextual() ? callNames.get(id.asText()) : null;
    if (name == null) {
      throw Refusals.invalid(path + ".tool_call_id", "Invalid '" + path + ".tool_call_id': no earlier assistant "
          + "message has a tool call with this id, and Gemini needs the function's name for its result.");
    }
    String text = ContentParts.joinedText(message.get("content"), path + ".content");
    JsonNode parsed = parse(text);
    ObjectNode part = contents.objectNode();
    ObjectNode response = part.putObject("functionResponse").put("name", name).putObject("response");
    if (parsed != null && parsed.isObject()) {
      response.setAll((ObjectNode) parsed);
    } else {
      response.put("result", text);
    }
    return part;
  }

  /** {@code text} as JSON, or null when it is not exactly one JSON value. */
  private JsonNode parse(String text) {
    try {
      return strictJson.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
