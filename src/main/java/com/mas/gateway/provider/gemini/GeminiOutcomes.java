package com.mas.gateway.provider.gemini;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.Usage;

/**
 * How a Gemini answer ends, in OpenAI's terms; shared by the streaming and the whole-body
 * translation.
 *
 * <table>
 *   <caption>Gemini {@code finishReason} → OpenAI {@code finish_reason}</caption>
 *   <tr><td>{@code STOP}</td><td>{@code stop}, or {@code tool_calls} when the answer called functions</td></tr>
 *   <tr><td>{@code MAX_TOKENS}</td><td>{@code length}</td></tr>
 *   <tr><td>{@code SAFETY RECITATION BLOCKLIST PROHIBITED_CONTENT SPII IMAGE_SAFETY}</td>
 *       <td>{@code content_filter}</td></tr>
 *   <tr><td>{@code MALFORMED_FUNCTION_CALL}, {@code UNEXPECTED_TOOL_CALL}</td><td>an error, never a normal
 *       end: 502 {@code upstream_malformed_function_call} (an HTTP error before any content, a final
 *       SSE error event after)</td></tr>
 *   <tr><td>{@code OTHER}, {@code LANGUAGE}, {@code FINISH_REASON_UNSPECIFIED}, anything newer</td><td>{@code stop}
 *       (the answer ended; OpenAI has nothing closer)</td></tr>
 * </table>
 *
 * <p>A prompt Gemini blocks ({@code promptFeedback.blockReason}, HTTP 200 and no candidates) is
 * refused like Azure OpenAI refuses a filtered prompt: a 400 with code {@code content_filter},
 * since nothing was answered and the same prompt would be blocked again.
 *
 * <p>Usage ({@code usageMetadata}, cumulative on every chunk): {@code promptTokens =
 * promptTokenCount + toolUsePromptTokenCount} (the prompt count already includes cached
 * tokens), {@code cachedTokens = cachedContentTokenCount}, {@code completionTokens =
 * candidatesTokenCount + thoughtsTokenCount}, {@code reasoningTokens = thoughtsTokenCount}; so
 * the total equals Gemini's {@code totalTokenCount}.
 */
final class GeminiOutcomes {

  private GeminiOutcomes() {}

  /** True for the finish reasons that mean the model failed rather than ended. */
  static boolean isFailure(String reason) {
    return "MALFORMED_FUNCTION_CALL".equals(reason) || "UNEXPECTED_TOOL_CALL".equals(reason);
  }

  /** OpenAI's finish reason for a Gemini one that is not a failure. */
  static String finishReason(String reason, boolean calledFunctions) {
    return switch (reason) {
      case "MAX_TOKENS" -> "length";
      case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" -> "content_filter";
      default -> calledFunctions ? "tool_calls" : "stop";
    };
  }

  /** The error for a failure finish reason. */
  static GatewayException failure(String reason) {
    return GatewayException.badGateway("upstream_malformed_function_call", "Gemini ended the answer with "
        + reason + ": the model produced a function call that could not be used. Retrying may help.");
  }

  /** The 400 for a prompt Gemini refused to answer. */
  static GatewayException blockedPrompt(String blockReason) {
    return new GatewayException(400, "invalid_request_error", "content_filter", "messages",
        "The prompt was blocked by Gemini's content filter (blockReason " + blockReason + ").");
  }

  /**
   * The normalised usage of {@code usageMetadata} counts.
   *
   * @param prompt {@code promptTokenCount + toolUsePromptTokenCount}
   * @param candidates {@code candidatesTokenCount}
   * @param thoughts {@code thoughtsTokenCount}
   * @param cached {@code cachedContentTokenCount}
   */
  static Usage usage(long prompt, long candidates, long thoughts, long cached) {
    return new Usage(prompt, candidates + thoughts, cached, 0, thoughts);
  }
}
