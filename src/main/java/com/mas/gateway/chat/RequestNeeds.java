package com.mas.gateway.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a request needs from the model that answers it: image input, tools, JSON output, and
 * the output tokens it asks for. Read once from the client's JSON; routing and the capability
 * check use it.
 *
 * @param vision some message has an {@code image_url} part
 * @param tools {@code tools} is a non-empty list
 * @param jsonOutput {@code response_format} asks for a JSON object or a JSON schema
 * @param maxOutputTokens {@code max_completion_tokens}, else {@code max_tokens}; 0 when absent
 */
public record RequestNeeds(boolean vision, boolean tools, boolean jsonOutput, long maxOutputTokens) {

  public static RequestNeeds of(ObjectNode json) {
    return new RequestNeeds(hasImage(json.path("messages")), json.path("tools").size() > 0,
        wantsJson(json.path("response_format")), maxOutputTokens(json));
  }

  private static boolean hasImage(JsonNode messages) {
    for (JsonNode message : messages) {
      for (JsonNode part : message.path("content")) {
        if ("image_url".equals(part.path("type").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean wantsJson(JsonNode format) {
    String type = format.path("type").asText();
    return "json_object".equals(type) || "json_schema".equals(type);
  }

  private static long maxOutputTokens(ObjectNode json) {
    JsonNode max = json.hasNonNull("max_completion_tokens") ? json.get("max_completion_tokens") : json.get("max_tokens");
    return max != null && max.canConvertToLong() ? max.asLong() : 0;
  }
}
