package com.mas.gateway.simulator;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything decided about one answer before its first byte: what it says, how fast, how it
 * ends and which fault strikes. Built by {@link SimulatorControls#plan}.
 *
 * @param seed the seed of the answer's tokens
 * @param language the answer's language
 * @param tokens how many content tokens a text answer has (after any max_tokens cut)
 * @param finishReason "stop", "length" or "tool_calls"
 * @param timeToFirstTokenMillis the delay before the first answer event
 * @param tokensPerSecond the pace after that; 0 or less means as fast as the client reads
 * @param tokenBytes the size each token is padded to; 0 or less leaves tokens as they are
 * @param toolName the function to call instead of answering with text, or null
 * @param promptTokens the estimated prompt size reported in usage
 * @param fault the injected fault, or {@link FaultPlan#NONE}
 */
record AnswerPlan(
    long seed,
    AnswerLanguage language,
    int tokens,
    String finishReason,
    long timeToFirstTokenMillis,
    double tokensPerSecond,
    int tokenBytes,
    String toolName,
    int promptTokens,
    FaultPlan fault) {

  boolean toolCall() {
    return toolName != null;
  }

  /**
   * The pieces the answer streams one event each: content tokens (padded to
   * {@link #tokenBytes}) or, for a tool call, fragments of the arguments JSON. Produced lazily.
   */
  Iterator<String> pieces() {
    if (toolCall()) {
      return argumentFragments().iterator();
    }
    SimulatedAnswer.TokenSequence sequence = new SimulatedAnswer.TokenSequence(seed, language);
    return Stream.generate(sequence::next)
        .limit(tokens)
        .map(token -> SimulatedAnswer.padded(token, tokenBytes))
        .iterator();
  }

  /** How many pieces {@link #pieces()} yields: the completion tokens of a full answer. */
  int pieceCount() {
    return toolCall() ? argumentFragments().size() : tokens;
  }

  /**
   * The arguments of the simulated call, {@code {"query":"<first word of the answer>"}}, split
   * the way OpenAI splits them (compare {@code stream_tool_call.sse}).
   */
  List<String> argumentFragments() {
    String word = SimulatedAnswer.tokens(seed, language, 1).get(0).trim();
    return List.of("{\"", "query", "\":\"", word, "\"}");
  }

  /** The arguments JSON whole, as a non-streamed answer carries it. */
  String arguments() {
    return String.join("", argumentFragments());
  }

  /** How long a non-streamed answer takes: the first token delay plus the pace of the rest. */
  long totalMillis() {
    long pacing = tokensPerSecond > 0 ? Math.round(pieceCount() * 1000 / tokensPerSecond) : 0;
    return timeToFirstTokenMillis + pacing;
  }
}
