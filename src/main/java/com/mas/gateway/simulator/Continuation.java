package com.mas.gateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Locale;

/**
 * A request that continues an answer which broke off, the way a gateway asks for one: the
 * conversation ends with the partial answer as an assistant turn (Anthropic's prefill), or with
 * that turn followed by a user turn whose text starts with {@value #INSTRUCTION_START} (any
 * case). The answer is then the one the conversation before those turns would get, continued
 * after the partial answer, so that partial plus continuation is the uninterrupted answer.
 *
 * @param prefix the partial answer's text
 * @param original the conversation before the continuation's turns: what seeds the answer
 */
record Continuation(String prefix, JsonNode original) {

  /** How the instruction after the partial answer begins. */
  static final String INSTRUCTION_START = "continue exactly where you stopped";

  /**
   * The continuation {@code messages} ask for, or null for an ordinary request.
   *
   * @param assistantRole the role of the answering side ({@code assistant}, Gemini's {@code model})
   * @param contentField the field with a turn's text ({@code content}, Gemini's {@code parts})
   */
  static Continuation of(JsonNode messages, String assistantRole, String contentField) {
    int count = messages.size();
    if (count >= 1 && isRole(messages.get(count - 1), assistantRole)) {
      return cut(messages, count - 1, contentField);
    }
    if (count >= 2 && isRole(messages.get(count - 1), "user") && isRole(messages.get(count - 2), assistantRole)
        && RequestBodies.text(messages.get(count - 1).path(contentField)).strip().toLowerCase(Locale.ROOT)
            .startsWith(INSTRUCTION_START)) {
      return cut(messages, count - 2, contentField);
    }
    return null;
  }

  /** The messages whose hash seeds an answer: without the continuation's turns, when there is one. */
  static JsonNode seeding(JsonNode messages, Continuation continuation) {
    return continuation == null ? messages : continuation.original();
  }

  private static Continuation cut(JsonNode messages, int partialAt, String contentField) {
    ArrayNode original = ((ArrayNode) messages).arrayNode();
    for (int i = 0; i < partialAt; i++) {
      original.add(messages.get(i));
    }
    return new Continuation(RequestBodies.text(messages.get(partialAt).path(contentField)), original);
  }

  private static boolean isRole(JsonNode message, String role) {
    return role.equals(message.path("role").asText());
  }
}
