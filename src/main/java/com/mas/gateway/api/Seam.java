package com.mas.gateway.api;

/**
 * Trims the text a continuation repeats at the seam. A model asked to continue an answer often
 * starts by saying again the end of what it was given (the last word, or the sentence it was
 * in); the client already has that text. The longest overlap of the continuation's start with
 * the partial answer's end is dropped, if it begins at a word boundary of the partial answer
 * (so that a continuation that merely starts with the letters a word ended with, "the" then
 * "e...", keeps them) and is at most {@value #WINDOW} characters.
 *
 * <p>A prefilled continuation (Anthropic continues the partial answer itself) does not repeat
 * it, and text that merely looks repeated ("价格价格") is the answer's own: only whitespace is
 * trimmed there, which the partial answer ended with but the prefill could not carry (Anthropic
 * refuses trailing whitespace, so it was stripped and the model writes it again).
 *
 * <p>The continuation's first text is held only while a longer overlap is still possible: as
 * soon as what arrived is no longer the start of some end of the partial answer, the overlap
 * is decided and the rest goes out, so a continuation that does not repeat is usually decided
 * at its first event.
 */
final class Seam {

  /** The longest overlap looked for, in characters. */
  static final int WINDOW = 512;

  private final String tail;
  private final char before;
  private final StringBuilder pending = new StringBuilder();
  private boolean decided;

  /**
   * @param partial the answer text the client received
   * @param prefilled the continuation was a prefill: only a repeat of trailing whitespace is trimmed
   */
  Seam(String partial, boolean prefilled) {
    int start = prefilled ? partial.stripTrailing().length() : Math.max(0, partial.length() - WINDOW);
    this.tail = partial.substring(start);
    this.before = start > 0 ? partial.charAt(start - 1) : ' ';
    this.decided = tail.isEmpty();
  }

  boolean decided() {
    return decided;
  }

  /** Takes the next continuation text; returns what may go out now ("" while undecided). */
  String feed(String text) {
    if (decided) {
      return text;
    }
    pending.append(text);
    return longerOverlapPossible() ? "" : flush();
  }

  /** Decides with what has arrived (something other than text came); returns it less the overlap. */
  String flush() {
    if (decided) {
      return "";
    }
    decided = true;
    String arrived = pending.toString();
    pending.setLength(0);
    return arrived.substring(overlap(arrived));
  }

  /** True when what arrived is a proper prefix of an end of the tail that starts at a boundary. */
  private boolean longerOverlapPossible() {
    String arrived = pending.toString();
    for (int start = 0; start + arrived.length() < tail.length(); start++) {
      if (boundary(start) && tail.startsWith(arrived, start)) {
        return true;
      }
    }
    return false;
  }

  /** The length of the longest end of the tail, starting at a boundary, that {@code arrived} starts with. */
  private int overlap(String arrived) {
    for (int start = 0; start < tail.length(); start++) {
      int length = tail.length() - start;
      if (length <= arrived.length() && boundary(start) && arrived.startsWith(tail.substring(start))) {
        return length;
      }
    }
    return 0;
  }

  /** A word boundary before tail position {@code i}: not between two letters or digits of a spaced script. */
  private boolean boundary(int i) {
    char previous = i == 0 ? before : tail.charAt(i - 1);
    char next = tail.charAt(i);
    return !wordChar(previous) || !wordChar(next);
  }

  /** Letters and digits, except ideographs: Chinese has no spaces, every character is a boundary. */
  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) && !Character.isIdeographic(c);
  }
}
