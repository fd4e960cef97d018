package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.JsonText.quoted;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The Gemini generateContent wire format as the simulator writes it, shaped like Google's
 * recordings (see {@code conformance/gemini}). A stream is data-only SSE with CRLF line ends,
 * {@code data: <compact JSON>\r\n\r\n}, with no {@code [DONE]}: one
 * {@code GenerateContentResponse} per piece, each with {@code candidates[0].content.parts},
 * {@code role: "model"}, the cumulative {@code usageMetadata}, {@code modelVersion} and
 * {@code responseId}; the last chunk also carries {@code finishReason} and the candidate
 * token counts. The stream simply ends after it.
 *
 * <ul>
 *   <li>A function call arrives whole: one chunk with a {@code functionCall} part
 *       {@code {name, args}} per call, the last with finish reason {@code STOP}.</li>
 *   <li>A forced {@code SAFETY} finish adds a blocked {@code safetyRatings} entry; a forced
 *       {@code MALFORMED_FUNCTION_CALL} is one chunk whose candidate has no content, as Gemini
 *       sends it.</li>
 *   <li>A mid-stream failure is a {@code data:} chunk holding Google's 503 {@code UNAVAILABLE}
 *       error object, after which the stream ends (compare
 *       {@code stream_error_midstream.sse}).</li>
 * </ul>
 * Whole bodies (non-streamed answers) are laid out as Google lays them out, see
 * {@link GoogleJson}.
 */
final class GeminiWire extends AnswerWire {

  static final String CRLF = "\r\n";

  static final String UNAVAILABLE_EVENT = "data: {\"error\":{\"code\":503,\"message\":\""
      + GeminiErrors.OVERLOADED + "\",\"status\":\"UNAVAILABLE\"}}" + CRLF + CRLF;

  static final String MALFORMED =
      "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + CRLF + CRLF;

  static final String MALFORMED_BODY = "{\n  \"candidates\": [\n    {\n      \"content\": {\n"
      + "        \"parts\": [\n          {\n            \"text\": ";

  static final String MALFORMED_FUNCTION_CALL = "MALFORMED_FUNCTION_CALL";
  static final String SAFETY = "SAFETY";

  private final String model;
  private final String responseId = JsonText.randomId(23);
  private final String finishReason;
  private final boolean noContent;
  private final String chunkEnd;

  GeminiWire(ChatCall call, AnswerPlan plan) {
    super(plan);
    this.model = call.model();
    this.finishReason = plan.finishReason("STOP", "MAX_TOKENS", "STOP");
    this.noContent = finishReason.equals(MALFORMED_FUNCTION_CALL);
    this.chunkEnd = ",\"modelVersion\":" + quoted(model) + ",\"responseId\":\"" + responseId
        + "\"}" + CRLF + CRLF;
  }

  @Override
  Iterator<String> pieces() {
    if (noContent) {
      return Collections.emptyIterator();
    }
    if (!plan.toolCall()) {
      return plan.pieces();
    }
    return java.util.stream.IntStream.range(0, plan.toolCalls()).mapToObj(plan::arguments).iterator();
  }

  @Override
  int pieceCount() {
    return noContent ? 0 : plan.toolCall() ? plan.toolCalls() : plan.pieceCount();
  }

  @Override
  boolean lastPieceEndsAnswer() {
    return true;
  }

  @Override
  List<String> opening() {
    return List.of();
  }

  @Override
  String piece(String piece, boolean last) {
    String parts = plan.toolCall()
        ? "[{\"functionCall\":{\"name\":" + quoted(plan.toolName()) + ",\"args\":" + piece + "}}]"
        : "[{\"text\":" + quoted(piece) + "}]";
    String content = "\"content\":{\"parts\":" + parts + ",\"role\":\"model\"},";
    return chunk(content, last);
  }

  @Override
  List<String> closing() {
    // Normally the last piece carried the finish; an answer without content still needs one.
    return pieceCount() == 0 ? List.of(chunk("", true)) : List.of();
  }

  @Override
  String malformedEvent() {
    return MALFORMED;
  }

  @Override
  List<String> failureEvents() {
    return List.of(UNAVAILABLE_EVENT);
  }

  @Override
  String body() {
    JsonObject candidate = new JsonObject();
    if (!noContent) {
      JsonArray parts = new JsonArray();
      if (plan.toolCall()) {
        for (int i = 0; i < plan.toolCalls(); i++) {
          parts.add(new JsonObject().put("functionCall", new JsonObject().put("name", plan.toolName())
              .put("args", new JsonObject(plan.arguments(i)))));
        }
      } else {
        parts.add(new JsonObject().put("text", plan.text()));
      }
      candidate.put("content", new JsonObject().put("parts", parts).put("role", "model"));
    }
    candidate.put("finishReason", finishReason);
    if (finishReason.equals(SAFETY)) {
      candidate.put("safetyRatings", new JsonArray(blockedRating()));
    }
    candidate.put("index", 0);
    JsonObject response = new JsonObject().put("candidates", new JsonArray().add(candidate))
        .put("usageMetadata", new JsonObject(usage(true)))
        .put("modelVersion", model).put("responseId", responseId);
    return GoogleJson.pretty(response);
  }

  @Override
  String malformedBody() {
    return MALFORMED_BODY;
  }

  private String chunk(String content, boolean last) {
    StringBuilder chunk = new StringBuilder("data: {\"candidates\":[{").append(content);
    if (last) {
      chunk.append("\"finishReason\":").append(quoted(finishReason)).append(',');
      if (finishReason.equals(SAFETY)) {
        chunk.append("\"safetyRatings\":").append(blockedRating()).append(',');
      }
    }
    return chunk.append("\"index\":0}],\"usageMetadata\":").append(usage(last))
        .append(chunkEnd).toString();
  }

  /**
   * The cumulative usage: before the last chunk only the prompt, as Gemini reports it; the
   * last adds the candidates (omitted when zero, as proto-JSON omits defaults).
   */
  private String usage(boolean last) {
    int prompt = plan.promptTokens();
    int candidates = last && !noContent ? plan.pieceCount() : 0;
    String promptDetails = ",\"promptTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":"
        + prompt + "}]";
    if (candidates == 0) {
      return "{\"promptTokenCount\":" + prompt + ",\"totalTokenCount\":" + prompt
          + promptDetails + "}";
    }
    return "{\"promptTokenCount\":" + prompt + ",\"candidatesTokenCount\":" + candidates
        + ",\"totalTokenCount\":" + (prompt + candidates) + promptDetails
        + ",\"candidatesTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":" + candidates
        + "}]}";
  }

  private static String blockedRating() {
    return "[{\"category\":\"HARM_CATEGORY_DANGEROUS_CONTENT\",\"probability\":\"HIGH\","
        + "\"blocked\":true}]";
  }
}
