package com.mas.gateway.simulator;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything decided about one answer before its first byte, the same in every wire format:
 * what it says, how fast, how it ends and which fault strikes. Built by
 * {@link SimulatorControls#plan}; each {@link AnswerWire} only encodes it.
 *
 * @param seed the seed of the answer's tokens
 * @param language the answer's language
 * @param tokens how many content tokens a text answer has (after any max tokens cut)
 * @param finish why the answer ends, in no format's words
 * @param forcedFinish the finish reason {@code x-sim-finish} forces, spelled as the request's
 *     wire format spells it, or null
 * @param timeToFirstTokenMillis the delay before the first answer event
 * @param tokensPerSecond the pace after that; 0 or less means as fast as the client reads
 * @param tokenBytes the size each token is padded to; 0 or less leaves tokens as they are
 * @param toolName the function to call instead of answering with text, or null
 * @param promptTokens the estimated prompt size reported in usage
 * @param stopSequence the stop sequence a forced stop-sequence finish reports
 * @param fault the injected fault, or {@link FaultPlan#NONE}
 */
record AnswerPlan(
    long seed,
    AnswerLanguage language,
    int tokens,
    Finish finish,
    String forcedFinish,
    long timeToFirstTokenMillis,
    double tokensPerSecond,
    int tokenBytes,
    String toolName,
    int promptTokens,
    String stopSequence,
    FaultPlan fault) {

  /** Why an answer ends when nothing forces a reason. */
  enum Finish {
    /** The answer said all it meant to. */
    STOP,
    /** The request's max tokens cut it short. */
    LENGTH,
    /** The answer is a function call. */
    TOOL_CALL
  }

  boolean toolCall() {
    return toolName != null;
  }

  /** The finish reason in a format's words: the forced one, else the word for {@link #finish}. */
  String finishReason(String stop, String length, String toolCallWord) {
    if (forcedFinish != null) {
      return forcedFinish;
    }
    return switch (finish) {
      case STOP -> stop;
      case LENGTH -> length;
      case TOOL_CALL -> toolCallWord;
    };
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

  /**
   * How many pieces {@link #pieces()} yields: the completion tokens of a full answer, which
   * every format reports in its usage.
   */
  int pieceCount() {
    return toolCall() ? argumentFragments().size() : tokens;
  }

  /** The text of a text answer whole, as a non-streamed answer carries it. */
  String text() {
    StringBuilder text = new StringBuilder();
    for (Iterator<String> pieces = pieces(); pieces.hasNext(); ) {
      text.append(pieces.next());
    }
    return text.toString();
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
