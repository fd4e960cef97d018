package com.mas.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.api.GatewayException;

/**
 * The extended thinking a request opts in to. Thinking is off unless the client asks for it in
 * one of two ways:
 * <ul>
 *   <li>OpenAI's {@code reasoning_effort}: {@code minimal} and {@code low} → a budget of 1024
 *       tokens (Anthropic's minimum), {@code medium} → 2048, {@code high} → 4096; {@code none}
 *       leaves thinking off;
 *   <li>Anthropic's own {@code thinking} object, sent as given (it wins over
 *       {@code reasoning_effort}); {@code {"type":"disabled"}} leaves thinking off.
 * </ul>
 * With thinking on, the thinking text reaches the client as {@code reasoning_content}; without,
 * thinking blocks never reach it. {@link RequestMapper} leaves thinking out while a tool loop is
 * open. Anthropic restricts other settings while thinking (e.g. {@code temperature}); its 400
 * then reaches the client with its message.
 *
 * @param thinking the {@code thinking} object to send, or null to send none
 * @param budget its {@code budget_tokens}; 0 when it names none
 */
record Reasoning(ObjectNode thinking, long budget) {

  static final Reasoning NONE = new Reasoning(null, 0);

  /** True when the answer may carry thinking the client asked to see. */
  boolean enabled() {
    return thinking != null && !"disabled".equals(thinking.path("type").asText());
  }

  /** The reasoning {@code request} asks for; a 400 naming the field for a value it cannot take. */
  static Reasoning of(ObjectNode request) {
    JsonNode given = request.get("thinking");
    if (given != null && !given.isNull()) {
      return fromThinking(given);
    }
    JsonNode effort = request.get("reasoning_effort");
    if (effort == null || effort.isNull()) {
      return NONE;
    }
    long budget = switch (effort.isTextual() ? effort.asText() : "") {
      case "none" -> 0;
      case "minimal", "low" -> 1024;
      case "medium" -> 2048;
      case "high" -> 4096;
      default -> throw GatewayException.badRequest("reasoning_effort",
          "Invalid 'reasoning_effort': expected one of none, minimal, low, medium, high.");
    };
    if (budget == 0) {
      return NONE;
    }
    ObjectNode thinking = JsonNodeFactory.instance.objectNode().put("type", "enabled").put("budget_tokens", budget);
    return new Reasoning(thinking, budget);
  }

  private static Reasoning fromThinking(JsonNode thinking) {
    if (!thinking.isObject() || !thinking.path("type").isTextual()) {
      throw GatewayException.badRequest("thinking",
          "Invalid 'thinking': expected an object such as {\"type\":\"enabled\",\"budget_tokens\":2048}.");
    }
    JsonNode budget = thinking.path("budget_tokens");
    boolean enabled = "enabled".equals(thinking.path("type").asText());
    return new Reasoning(((ObjectNode) thinking).deepCopy(), enabled && budget.canConvertToLong() ? budget.asLong() : 0);
  }
}
