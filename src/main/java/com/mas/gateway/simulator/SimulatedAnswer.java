package com.mas.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers the simulator writes: a deterministic sequence of tokens drawn from a small
 * built-in vocabulary. The same seed, language and count always give the same tokens, on any
 * machine, so tests can predict an answer exactly.
 *
 * <p>English tokens are words with a leading space (the first has none), with a comma, full
 * stop or exclamation mark now and then; a sentence starts with a capital. Chinese tokens are
 * one to three Han characters with full-width punctuation; the Simplified and Traditional
 * answers for a seed say the same thing in the two scripts.
 */
public final class SimulatedAnswer {

  /** The most bytes one padded token may have (see {@link SimulatorControls#TOKEN_BYTES}). */
  static final int MAX_TOKEN_BYTES = 1 << 20;

  private SimulatedAnswer() {}

  /**
   * Deterministic tokens for a seed; each token is one content delta of a streamed answer.
   *
   * @throws IllegalArgumentException when count is negative
   */
  public static List<String> tokens(long seed, AnswerLanguage language, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    TokenSequence sequence = new TokenSequence(seed, language);
    List<String> tokens = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      tokens.add(sequence.next());
    }
    return List.copyOf(tokens);
  }

  /** The tokens of {@link #tokens} joined: the full text of that answer. */
  public static String text(long seed, AnswerLanguage language, int count) {
    return String.join("", tokens(seed, language, count));
  }

  /**
   * Repeats a token until it has at least {@code bytes} UTF-8 bytes (at most
   * {@link #MAX_TOKEN_BYTES}); a token already that long, or a limit of 0 or less, is kept.
   */
  static String padded(String token, int bytes) {
    int target = Math.min(bytes, MAX_TOKEN_BYTES);
    int length = token.getBytes(StandardCharsets.UTF_8).length;
    if (target <= length || length == 0) {
      return token;
    }
    return token.repeat((target + length - 1) / length);
  }

  /** Produces an answer token by token, so a long answer is never held in memory whole. */
  static final class TokenSequence {
    private final long seed;
    private final List<String> words;
    private final List<String> punctuation;
    private final boolean spaced;
    private long index;
    private String previous = "";

    TokenSequence(long seed, AnswerLanguage language) {
      this.seed = seed;
      this.words = AnswerWords.words(language);
      this.punctuation = AnswerWords.punctuation(language);
      this.spaced = language == AnswerLanguage.ENGLISH;
    }

    String next() {
      long draw = mix(seed + index * 0x9E3779B97F4A7C15L);
      String token = index > 0 && !isPunctuation(previous) && (draw & 7) == 0
          ? pick(punctuation, draw >>> 8)
          : word(pick(words, draw >>> 16));
      index++;
      previous = token;
      return token;
    }

    private String word(String word) {
      if (!spaced) {
        return word;
      }
      boolean sentenceStart = index == 0 || previous.equals(".") || previous.equals("!");
      String written = sentenceStart ? capitalized(word) : word;
      return index == 0 ? written : " " + written;
    }

    private boolean isPunctuation(String token) {
      return punctuation.contains(token);
    }

    private static String capitalized(String word) {
      return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String pick(List<String> list, long draw) {
      return list.get((int) Long.remainderUnsigned(draw, list.size()));
    }

    /** The SplitMix64 finalizer: spreads consecutive inputs over all 64 bits. */
    private static long mix(long value) {
      long z = value;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
  }
}
