package com.mas.gateway.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.config.ModelCapabilities;

/**
 * Estimates tokens before a call, for what must be reserved up front (token rate limits,
 * budgets). Deliberately an upper-leaning estimate, never a tokenizer: reservations are settled
 * with the provider's real usage afterwards, so only an underestimate could let a limit or a
 * budget be overrun by the requests in flight.
 *
 * <ul>
 *   <li>Input: every character of message text, tool definitions and tool arguments counts as
 *       a quarter token when it is ASCII (English averages about four characters per token)
 *       and as one token otherwise (a Han character is one token or more in every current
 *       tokenizer), plus 4 tokens per message for the role and framing, plus 85 per image part
 *       (OpenAI's low-detail price; high-detail images are counted when usage arrives).
 *   <li>Maximum output: {@code max_completion_tokens}, else {@code max_tokens}, else the model's
 *       declared {@code maxOutput}, else {@link #DEFAULT_MAX_OUTPUT}.
 * </ul>
 * One pass over the request; no allocation beyond the tree walk.
 */
public final class TokenEstimator {

  /** Output reserved when neither the request nor the model config says how much may come. */
  public static final long DEFAULT_MAX_OUTPUT = 4096;

  private static final int PER_MESSAGE = 4;
  private static final int PER_IMAGE = 85;

  private TokenEstimator() {}

  /** The estimated input tokens of an OpenAI-shaped request. */
  public static long inputTokens(ObjectNode request) {
    long quarterTokens = 0;
    for (JsonNode message : request.path("messages")) {
      quarterTokens += 4L * PER_MESSAGE + quarters(message.path("content"));
      for (JsonNode call : message.path("tool_calls")) {
        quarterTokens += quarters(call.path("function").path("name")) + quarters(call.path("function").path("arguments"));
      }
    }
    quarterTokens += quarters(request.path("tools"));
    return (quarterTokens + 3) / 4;
  }

  /** The most output tokens the answer may have. */
  public static long maxOutputTokens(RequestNeeds needs, ModelCapabilities model) {
    if (needs.maxOutputTokens() > 0) {
      return needs.maxOutputTokens();
    }
    return model.maxOutput() > 0 ? model.maxOutput() : DEFAULT_MAX_OUTPUT;
  }

  /** Worst case of the whole request: estimated input plus maximum output. */
  public static long worstCaseTokens(ObjectNode request, ModelCapabilities model) {
    return inputTokens(request) + maxOutputTokens(RequestNeeds.of(request), model);
  }

  /** Quarter tokens of a text, or of every string inside a part list or an object. */
  private static long quarters(JsonNode node) {
    if (node.isTextual()) {
      return quarters(node.textValue());
    }
    long sum = 0;
    if (node.isObject() && "image_url".equals(node.path("type").asText())) {
      return 4L * PER_IMAGE;
    }
    for (JsonNode child : node) {
      sum += quarters(child);
    }
    if (node.isObject()) {
      sum += 4L * node.size(); // field names of tool schemas and parts
    }
    return sum;
  }

  private static long quarters(String text) {
    long sum = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLowSurrogate(c)) {
        continue; // the high surrogate already counted this code point
      }
      sum += c < 0x80 ? 1 : 4;
    }
    return sum;
  }
}
