package com.mas.gateway.simulator;

import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
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
 * @param toolCalls how many calls a tool-call answer makes (each to {@code toolName})
 * @param continuation the partial answer this answer continues ({@link Continuation}), or null
 * @param overlapTokens how many of the partial answer's last tokens a continuation says again
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
    FaultPlan fault,
    int toolCalls,
    String continuation,
    int overlapTokens) {

  /** The argument fragments of one call: {@code {"}, {@code query}, {@code ":"}, the word, {@code "}}. */
  static final int FRAGMENTS_PER_CALL = 5;

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
   * {@link #tokenBytes}), for a continuation those after the partial answer
   * ({@link ContinuedText}), or for tool calls the fragments of each call's arguments JSON in
   * turn ({@value #FRAGMENTS_PER_CALL} per call). Produced lazily.
   */
  Iterator<String> pieces() {
    if (toolCall()) {
      return IntStream.range(0, toolCalls).boxed().flatMap(i -> argumentFragments(i).stream()).iterator();
    }
    SimulatedAnswer.TokenSequence sequence = new SimulatedAnswer.TokenSequence(seed, language);
    Iterator<String> whole = Stream.generate(sequence::next)
        .limit(tokens)
        .map(token -> SimulatedAnswer.padded(token, tokenBytes))
        .iterator();
    return continuation == null ? whole : new ContinuedText(whole, continuation.length(), overlapTokens);
  }

  /**
   * How many pieces {@link #pieces()} yields: the completion tokens of the answer, which every
   * format reports in its usage.
   */
  int pieceCount() {
    if (toolCall()) {
      return toolCalls * FRAGMENTS_PER_CALL;
    }
    if (continuation == null) {
      return tokens;
    }
    int count = 0;
    for (Iterator<String> pieces = pieces(); pieces.hasNext(); pieces.next()) {
      count++;
    }
    return count;
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
   * The arguments of simulated call {@code call}, {@code {"query":"<word call of the answer>"}},
   * split the way OpenAI splits them (compare {@code stream_tool_call.sse}).
   */
  List<String> argumentFragments(int call) {
    String word = SimulatedAnswer.tokens(seed, language, call + 1).get(call).trim();
    return List.of("{\"", "query", "\":\"", word, "\"}");
  }

  /** The arguments JSON of call {@code call} whole, as a non-streamed answer carries it. */
  String arguments(int call) {
    return String.join("", argumentFragments(call));
  }

  /** How long a non-streamed answer takes: the first token delay plus the pace of the rest. */
  long totalMillis() {
    long pacing = tokensPerSecond > 0 ? Math.round(pieceCount() * 1000 / tokensPerSecond) : 0;
    return timeToFirstTokenMillis + pacing;
  }
}
