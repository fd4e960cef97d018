package com.mas.gateway.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The short system instruction that asks a model to answer in the user's Chinese script, for
 * targets that tend to drift to the other one. It goes first: merged into the request's own
 * leading {@code system} (or {@code developer}) message when there is one, so the model still
 * sees a single system message, else as a new system message at the start.
 */
final class ScriptInstruction {

  static final String TRADITIONAL = "請使用繁體中文字回答。Always answer in Traditional Chinese characters (繁體字), "
      + "never in Simplified Chinese characters.";
  static final String SIMPLIFIED = "请使用简体中文字回答。Always answer in Simplified Chinese characters (简体字), "
      + "never in Traditional Chinese characters.";

  private ScriptInstruction() {}

  static String text(String script) {
    return Tags.HANT.equals(script) ? TRADITIONAL : SIMPLIFIED;
  }

  /**
   * A copy of {@code request} with the instruction added; {@code request} itself is left as it
   * was. Only the message list and the message that changes are copied; the rest is shared.
   */
  static ObjectNode apply(ObjectNode request, String instruction) {
    if (!(request.get("messages") instanceof ArrayNode messages)) {
      return request;
    }
    ObjectNode copy = request.objectNode().setAll(request);
    ArrayNode list = copy.putArray("messages").addAll(messages);
    JsonNode first = list.isEmpty() ? null : list.get(0);
    String role = first == null ? "" : first.path("role").asText();
    if (first instanceof ObjectNode leading && (role.equals("system") || role.equals("developer"))) {
      list.set(0, merge(leading.deepCopy(), instruction));
    } else {
      list.insert(0, copy.objectNode().put("role", "system").put("content", instruction));
    }
    return copy;
  }

  private static ObjectNode merge(ObjectNode message, String instruction) {
    JsonNode content = message.path("content");
    if (content instanceof ArrayNode parts) {
      parts.addObject().put("type", "text").put("text", instruction);
    } else if (content.isTextual() && !content.asText().isBlank()) {
      message.put("content", content.asText() + "\n\n" + instruction);
    } else {
      message.put("content", instruction);
    }
    return message;
  }
}
