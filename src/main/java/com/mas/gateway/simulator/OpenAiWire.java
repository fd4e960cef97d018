package com.mas.gateway.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI chat-completions wire format as the simulator writes it: data-only SSE chunks,
 * the {@code chat.completion} body and error bodies, shaped like OpenAI's own recordings
 * (see {@code conformance/openai}). One instance renders one answer, so every chunk carries
 * the same id, created time, model and fingerprint. Each event method returns a whole SSE
 * frame, {@code data: <one-line JSON>\n\n}.
 *
 * <p>A stream is the role chunk, one content (or arguments) chunk per piece, the finish chunk
 * with an empty delta, the usage chunk when {@code stream_options.include_usage} asks for it,
 * and {@code [DONE]}. A mid-stream failure is OpenAI's {@code server_error} event and
 * {@code [DONE]}.
 */
final class OpenAiWire extends AnswerWire {

  static final String DONE = "data: [DONE]\n\n";

  /** A chunk cut off inside its JSON, as a broken proxy or provider might send it. */
  static final String MALFORMED =
      "data: {\"id\":\"chatcmpl-broken\",\"choices\":[{\"delta\":{\"content\":\n\n";

  /** The error event OpenAI sends when it fails after the stream has begun. */
  static final String MIDSTREAM_ERROR = "data: {\"error\":{\"message\":\"The server had an error"
      + " while processing your request.\",\"type\":\"server_error\",\"param\":null,"
      + "\"code\":null}}\n\n";

  /** The body a malformed-fault answer sends: JSON cut off mid-object. */
  static final String MALFORMED_BODY =
      "{\"id\":\"chatcmpl-broken\",\"choices\":[{\"message\":{\"content\":";

  static final String FINGERPRINT = "fp_sim0000001";

  static final List<String> MODELS =
      List.of("sim-gpt", "sim-fast", "gpt-4o-mini", "gpt-4o", "deepseek-chat");

  private final String id;
  private final long created;
  private final String model;
  private final String chunkPrefix;
  private final boolean includeUsage;
  private int piecesWritten;

  OpenAiWire(ChatCall call, AnswerPlan plan) {
    super(plan);
    this.includeUsage = call.includeUsage();
    this.model = call.model();
    this.id = "chatcmpl-" + JsonText.randomId(29);
    this.created = System.currentTimeMillis() / 1000;
    this.chunkPrefix = "data: {\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\","
        + "\"created\":" + created + ",\"model\":" + JsonText.quoted(model)
        + ",\"system_fingerprint\":\"" + FINGERPRINT + "\",\"choices\":";
  }

  @Override
  List<String> opening() {
    return List.of(plan.toolCall() ? toolCallRoleChunk(newCallId(), plan.toolName()) : roleChunk());
  }

  @Override
  String piece(String piece, boolean last) {
    if (!plan.toolCall()) {
      return contentChunk(piece);
    }
    int fragment = piecesWritten++;
    int call = fragment / AnswerPlan.FRAGMENTS_PER_CALL;
    boolean starts = call > 0 && fragment % AnswerPlan.FRAGMENTS_PER_CALL == 0;
    return (starts ? toolCallStartChunk(call) : "") + argumentsChunk(call, piece);
  }

  @Override
  List<String> closing() {
    List<String> events = new ArrayList<>(3);
    events.add(finishChunk(plan.finishReason("stop", "length", "tool_calls")));
    if (includeUsage) {
      events.add(usageChunk(plan.promptTokens(), plan.pieceCount()));
    }
    events.add(DONE);
    return events;
  }

  @Override
  String malformedEvent() {
    return MALFORMED;
  }

  @Override
  List<String> failureEvents() {
    return List.of(MIDSTREAM_ERROR, DONE);
  }

  @Override
  String body() {
    String finishReason = plan.finishReason("stop", "length", "tool_calls");
    if (plan.toolCall()) {
      return toolCallCompletion(finishReason, plan.promptTokens(), plan.pieceCount()).encode();
    }
    return completion(plan.text(), finishReason, plan.promptTokens(), plan.pieceCount()).encode();
  }

  @Override
  String malformedBody() {
    return MALFORMED_BODY;
  }

  /** The first chunk of a text answer: the role, empty content, no refusal. */
  private String roleChunk() {
    return choiceChunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null");
  }

  /** The first chunk of a tool-call answer; OpenAI names the function in this same chunk. */
  private String toolCallRoleChunk(String callId, String function) {
    return choiceChunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
        + "\"id\":" + JsonText.quoted(callId) + ",\"type\":\"function\",\"function\":{\"name\":"
        + JsonText.quoted(function) + ",\"arguments\":\"\"}}],\"refusal\":null}", "null");
  }

  private String contentChunk(String token) {
    return choiceChunk("{\"content\":" + JsonText.quoted(token) + "}", "null");
  }

  /** The chunk that starts call {@code call} after the first: its id and function, no arguments yet. */
  private String toolCallStartChunk(int call) {
    return choiceChunk("{\"tool_calls\":[{\"index\":" + call + ",\"id\":" + JsonText.quoted(newCallId())
        + ",\"type\":\"function\",\"function\":{\"name\":" + JsonText.quoted(plan.toolName())
        + ",\"arguments\":\"\"}}]}", "null");
  }

  private String argumentsChunk(int call, String fragment) {
    return choiceChunk("{\"tool_calls\":[{\"index\":" + call + ",\"function\":{\"arguments\":"
        + JsonText.quoted(fragment) + "}}]}", "null");
  }

  /** The extra chunk with an empty delta that carries the finish reason. */
  private String finishChunk(String finishReason) {
    return choiceChunk("{}", JsonText.quoted(finishReason));
  }

  private String usageChunk(int promptTokens, int completionTokens) {
    return chunkPrefix + "[],\"usage\":" + usage(promptTokens, completionTokens).encode() + "}\n\n";
  }

  /** A whole {@code chat.completion} body with a text answer. */
  private JsonObject completion(String text, String finishReason, int promptTokens, int completion) {
    JsonObject message = new JsonObject().put("role", "assistant").put("content", text)
        .put("refusal", null).put("annotations", new JsonArray());
    return completionBody(message, finishReason, promptTokens, completion);
  }

  /** A whole {@code chat.completion} body whose answer is the plan's function calls. */
  private JsonObject toolCallCompletion(String finishReason, int promptTokens, int completion) {
    JsonArray calls = new JsonArray();
    for (int i = 0; i < plan.toolCalls(); i++) {
      calls.add(new JsonObject().put("id", newCallId()).put("type", "function").put("function",
          new JsonObject().put("name", plan.toolName()).put("arguments", plan.arguments(i))));
    }
    JsonObject message = new JsonObject().put("role", "assistant").put("content", null)
        .put("tool_calls", calls).put("refusal", null);
    return completionBody(message, finishReason, promptTokens, completion);
  }

  /** The OpenAI error body: all four keys always present, param and code possibly null. */
  static JsonObject errorBody(String message, String type, String param, String code) {
    return new JsonObject().put("error", new JsonObject().put("message", message)
        .put("type", type).put("param", param).put("code", code));
  }

  /** The {@code GET /v1/models} list. */
  static JsonObject modelList() {
    JsonArray data = new JsonArray();
    for (String name : MODELS) {
      data.add(new JsonObject().put("id", name).put("object", "model")
          .put("created", 1_700_000_000L).put("owned_by", "simulator"));
    }
    return new JsonObject().put("object", "list").put("data", data);
  }

  /** A tool-call id in OpenAI's style: {@code call_} and 24 letters or digits. */
  static String newCallId() {
    return "call_" + JsonText.randomId(24);
  }

  private JsonObject completionBody(
      JsonObject message, String finishReason, int promptTokens, int completion) {
    JsonObject choice = new JsonObject().put("index", 0).put("message", message)
        .put("logprobs", null).put("finish_reason", finishReason);
    return new JsonObject().put("id", id).put("object", "chat.completion")
        .put("created", created).put("model", model)
        .put("choices", new JsonArray().add(choice))
        .put("usage", usage(promptTokens, completion))
        .put("system_fingerprint", FINGERPRINT);
  }

  private String choiceChunk(String delta, String finishReason) {
    return chunkPrefix + "[{\"index\":0,\"delta\":" + delta
        + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}\n\n";
  }

  private static JsonObject usage(int promptTokens, int completionTokens) {
    return new JsonObject().put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens)
        .put("completion_tokens_details", new JsonObject().put("reasoning_tokens", 0));
  }
}
