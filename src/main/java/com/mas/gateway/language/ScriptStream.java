package com.mas.gateway.language;

/**
 * Converts text that arrives in pieces into one Chinese script, character by character, each
 * seen with its neighbours for ICU's two-character phrases ({@link PairRules}): the one before
 * it (even from the previous piece) and the one after it when the same piece has it. Nothing is
 * buffered except a high surrogate that ends a piece: it is held until the next piece brings
 * its low half, so a pair (an Extension B ideograph, an emoji) is never split or converted by
 * halves. One per stream, used by one thread.
 */
public final class ScriptStream {

  private final ScriptMapping mapping;
  private int before = -1;
  private char held;

  ScriptStream(ScriptMapping mapping) {
    this.mapping = mapping;
  }

  /** The converted piece; a trailing high surrogate is kept for the next call or {@link #finish()}. */
  public String convert(CharSequence piece) {
    if (piece.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(piece.length() + 1);
    int i = 0;
    if (held != 0) {
      char high = held;
      held = 0;
      if (Character.isLowSurrogate(piece.charAt(0))) {
        i = convert(Character.toCodePoint(high, piece.charAt(0)), piece, 1, out);
      } else {
        out.append(high);
        before = -1;
      }
    }
    while (i < piece.length()) {
      char c = piece.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 == piece.length()) {
        held = c;
        return out.toString();
      }
      int codePoint = Character.codePointAt(piece, i);
      i = convert(codePoint, piece, i + Character.charCount(codePoint), out);
    }
    return out.toString();
  }

  /** Converts {@code codePoint}, which ends just before {@code next} in {@code piece}; returns {@code next}. */
  private int convert(int codePoint, CharSequence piece, int next, StringBuilder out) {
    int after = next < piece.length() ? Character.codePointAt(piece, next) : -1;
    long result = mapping.convert(before, codePoint, after);
    out.appendCodePoint((int) result);
    before = ScriptMapping.nextBefore(codePoint, result);
    return next;
  }

  /** What is still held (a lone high surrogate, passed on as it came), or an empty string. */
  public String finish() {
    String rest = held == 0 ? "" : String.valueOf(held);
    held = 0;
    before = -1;
    return rest;
  }
}
