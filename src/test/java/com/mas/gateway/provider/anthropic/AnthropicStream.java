package com.mas.gateway.provider.anthropic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * Writes Anthropic streams for cases the conformance transcripts lack, in the documented shapes
 * (stream-doc, "Streaming Messages": named events whose data carries the same {@code type};
 * content blocks numbered by {@code index}; {@code message_delta} with the stop reason and
 * cumulative usage; {@code message_stop}).
 */
final class AnthropicStream {

  private final StringBuilder sse = new StringBuilder();
  private int index;

  /** A stream opened by {@code message_start} with the given input usage. */
  static AnthropicStream start(String id, String model, long input, long cacheRead, long cacheCreation) {
    AnthropicStream stream = new AnthropicStream();
    JsonObject usage = new JsonObject().put("input_tokens", input).put("output_tokens", 1)
        .put("cache_read_input_tokens", cacheRead).put("cache_creation_input_tokens", cacheCreation);
    return stream.event("message_start", new JsonObject().put("message", new JsonObject().put("id", id)
        .put("type", "message").put("role", "assistant").put("content", new JsonArray()).put("model", model)
        .putNull("stop_reason").putNull("stop_sequence").put("usage", usage)));
  }

  static AnthropicStream start() {
    return start("msg_test", "claude-test", 10, 0, 0);
  }

  AnthropicStream ping() {
    return event("ping", new JsonObject());
  }

  /** A text block streamed as {@code pieces}. */
  AnthropicStream text(String... pieces) {
    return block(new JsonObject().put("type", "text").put("text", ""), "text_delta", "text", pieces);
  }

  /** A thinking block streamed as {@code pieces}, then its signature (sent just before the block's stop). */
  AnthropicStream thinking(String... pieces) {
    int at = open(new JsonObject().put("type", "thinking").put("thinking", ""), "thinking_delta", "thinking", pieces);
    delta(at, new JsonObject().put("type", "signature_delta").put("signature", "EqQBCgIYAhIM1gbc"));
    return close(at);
  }

  /** A tool_use block whose input arrives as {@code fragments}, after an empty one as Anthropic sends. */
  AnthropicStream tool(String id, String name, String... fragments) {
    String[] all = new String[fragments.length + 1];
    all[0] = "";
    System.arraycopy(fragments, 0, all, 1, fragments.length);
    return block(new JsonObject().put("type", "tool_use").put("id", id).put("name", name)
        .put("input", new JsonObject()), "input_json_delta", "partial_json", all);
  }

  /** {@code message_delta} with {@code stopReason} and the cumulative output count, then {@code message_stop}. */
  AnthropicStream end(String stopReason, long outputTokens) {
    event("message_delta", new JsonObject().put("delta", new JsonObject().put("stop_reason", stopReason)
        .putNull("stop_sequence")).put("usage", new JsonObject().put("output_tokens", outputTokens)));
    return event("message_stop", new JsonObject());
  }

  /** An {@code error} event as stream-doc shows it. */
  AnthropicStream error(String type, String message) {
    return event("error", new JsonObject().put("error", new JsonObject().put("type", type).put("message", message)));
  }

  /** Any event; {@code data} gets {@code "type": name} first. */
  AnthropicStream event(String name, JsonObject data) {
    JsonObject typed = new JsonObject().put("type", name);
    data.forEach(e -> typed.put(e.getKey(), e.getValue()));
    sse.append("event: ").append(name).append("\ndata: ").append(typed.encode()).append("\n\n");
    return this;
  }

  String text() {
    return sse.toString();
  }

  byte[] bytes() {
    return text().getBytes(StandardCharsets.UTF_8);
  }

  private AnthropicStream block(JsonObject start, String deltaType, String field, String... pieces) {
    return close(open(start, deltaType, field, pieces));
  }

  /** content_block_start and the deltas of a new block; returns its index. */
  private int open(JsonObject start, String deltaType, String field, String... pieces) {
    int at = index++;
    event("content_block_start", new JsonObject().put("index", at).put("content_block", start));
    for (String piece : pieces) {
      delta(at, new JsonObject().put("type", deltaType).put(field, piece));
    }
    return at;
  }

  private AnthropicStream close(int at) {
    return event("content_block_stop", new JsonObject().put("index", at));
  }

  private void delta(int at, JsonObject delta) {
    event("content_block_delta", new JsonObject().put("index", at).put("delta", delta));
  }
}
