package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.JsonText.quoted;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The Anthropic Messages wire format as the simulator writes it, shaped like Anthropic's
 * recordings (see {@code conformance/anthropic}). Every stream event is named,
 * {@code event: <type>\ndata: <compact JSON>\n\n}, its JSON {@code type} equal to the name:
 * <ol>
 *   <li>at once: {@code message_start} (empty content, usage with {@code input_tokens}, the
 *       cache counts and {@code output_tokens: 1}), {@code content_block_start} (a text block,
 *       or a {@code tool_use} block with {@code input: {}}), {@code ping}, and for a tool call
 *       the first {@code input_json_delta} with {@code partial_json: ""};</li>
 *   <li>one {@code content_block_delta} per piece ({@code text_delta} or
 *       {@code input_json_delta});</li>
 *   <li>{@code content_block_stop}, {@code message_delta} ({@code stop_reason},
 *       {@code stop_sequence}, cumulative {@code output_tokens}), {@code message_stop}.</li>
 * </ol>
 * A mid-stream failure is {@code event: error} with {@code overloaded_error}, after which the
 * stream ends without {@code message_stop}. The non-streamed answer is one {@code message}.
 */
final class AnthropicWire extends AnswerWire {

  /** The documented mid-stream error event (Anthropic streaming docs, "Error events"). */
  static final String OVERLOADED_EVENT = "event: error\ndata: {\"type\":\"error\",\"error\":"
      + "{\"type\":\"overloaded_error\",\"message\":\"" + AnthropicErrors.OVERLOADED + "\"}}\n\n";

  /** Written with the space Anthropic's own ping events have. */
  static final String PING = "event: ping\ndata: {\"type\": \"ping\"}\n\n";

  static final String MALFORMED = "event: content_block_delta\ndata: {\"type\":"
      + "\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\n\n";

  static final String MALFORMED_BODY =
      "{\"id\":\"msg_broken\",\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":";

  private static final String TEXT_DELTA = "event: content_block_delta\ndata: {\"type\":"
      + "\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":";

  private final String id = "msg_" + JsonText.randomId(24);
  private final String model;
  private int piecesWritten;

  AnthropicWire(ChatCall call, AnswerPlan plan) {
    super(plan);
    this.model = call.model();
  }

  @Override
  List<String> opening() {
    List<String> events = new ArrayList<>(4);
    JsonObject start = message(new JsonArray(), null, null, 1);
    events.add(event("message_start", new JsonObject().put("type", "message_start")
        .put("message", start).encode()));
    events.add(blockStart(0));
    events.add(PING);
    if (plan.toolCall()) {
      // Anthropic's first input_json_delta is empty (compare stream_tool_use.sse).
      events.add(jsonDelta(0, ""));
    }
    return events;
  }

  @Override
  String piece(String piece, boolean last) {
    if (!plan.toolCall()) {
      return TEXT_DELTA + quoted(piece) + "}}\n\n";
    }
    int fragment = piecesWritten++;
    int call = fragment / AnswerPlan.FRAGMENTS_PER_CALL;
    boolean starts = call > 0 && fragment % AnswerPlan.FRAGMENTS_PER_CALL == 0;
    String next = starts ? blockStop(call - 1) + blockStart(call) + jsonDelta(call, "") : "";
    return next + jsonDelta(call, piece);
  }

  /** The start of content block {@code index}: the text block, or tool call {@code index}. */
  private String blockStart(int index) {
    JsonObject block = plan.toolCall() ? toolUse(new JsonObject()) : text("");
    return event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index
        + ",\"content_block\":" + block.encode() + "}");
  }

  private static String blockStop(int index) {
    return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
  }

  private static String jsonDelta(int index, String fragment) {
    return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
        + ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":" + quoted(fragment) + "}}");
  }

  @Override
  List<String> closing() {
    String stopReason = stopReason();
    String delta = "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":" + quoted(stopReason)
        + ",\"stop_sequence\":" + stopSequenceJson(stopReason) + "},\"usage\":{\"output_tokens\":"
        + plan.pieceCount() + "}}";
    return List.of(
        blockStop(plan.toolCall() ? plan.toolCalls() - 1 : 0),
        event("message_delta", delta),
        event("message_stop", "{\"type\":\"message_stop\"}"));
  }

  @Override
  String malformedEvent() {
    return MALFORMED;
  }

  @Override
  List<String> failureEvents() {
    return List.of(OVERLOADED_EVENT);
  }

  @Override
  String body() {
    JsonArray blocks = new JsonArray();
    if (plan.toolCall()) {
      for (int i = 0; i < plan.toolCalls(); i++) {
        blocks.add(toolUse(new JsonObject(plan.arguments(i))));
      }
    } else {
      blocks.add(text(plan.text()));
    }
    String stopReason = stopReason();
    return message(blocks, stopReason, stopSequence(stopReason), plan.pieceCount()).encode();
  }

  @Override
  String malformedBody() {
    return MALFORMED_BODY;
  }

  private JsonObject message(
      JsonArray content, String stopReason, String stopSequence, int outputTokens) {
    JsonObject usage = new JsonObject().put("input_tokens", plan.promptTokens())
        .put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", 0)
        .put("output_tokens", outputTokens);
    return new JsonObject().put("id", id).put("type", "message").put("role", "assistant")
        .put("model", model).put("content", content).put("stop_reason", stopReason)
        .put("stop_sequence", stopSequence).put("usage", usage);
  }

  private JsonObject toolUse(JsonObject input) {
    return new JsonObject().put("type", "tool_use").put("id", "toolu_" + JsonText.randomId(24))
        .put("name", plan.toolName()).put("input", input);
  }

  private static JsonObject text(String text) {
    return new JsonObject().put("type", "text").put("text", text);
  }

  private String stopReason() {
    return plan.finishReason("end_turn", "max_tokens", "tool_use");
  }

  private String stopSequence(String stopReason) {
    return "stop_sequence".equals(stopReason) ? plan.stopSequence() : null;
  }

  private String stopSequenceJson(String stopReason) {
    String sequence = stopSequence(stopReason);
    return sequence == null ? "null" : quoted(sequence);
  }

  private static String event(String name, String json) {
    return "event: " + name + "\ndata: " + json + "\n\n";
  }
}
