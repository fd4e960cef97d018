package com.mas.gateway.provider.anthropic;

/**
 * Anthropic's {@code stop_reason} as OpenAI's {@code finish_reason}: {@code end_turn},
 * {@code stop_sequence} and {@code pause_turn} → {@code stop}; {@code max_tokens} (and
 * {@code model_context_window_exceeded}) → {@code length}; {@code tool_use} → {@code tool_calls}
 * ({@code stop} when the tool is the forced JSON-output tool); {@code refusal} →
 * {@code content_filter}. A reason Anthropic adds later reads as {@code stop}.
 */
final class StopReasons {

  private StopReasons() {}

  static String finishReason(String stopReason, boolean jsonOutput) {
    if (stopReason == null) {
      return "stop";
    }
    return switch (stopReason) {
      case "max_tokens", "model_context_window_exceeded" -> "length";
      case "tool_use" -> jsonOutput ? "stop" : "tool_calls";
      case "refusal" -> "content_filter";
      default -> "stop";
    };
  }
}
