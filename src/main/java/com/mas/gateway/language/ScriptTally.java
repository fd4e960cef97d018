package com.mas.gateway.language;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts what a text is written with, in one pass: letters and words per script, Latin words
 * that start in lower case (running English; product names and brands are capitalised), letters
 * beyond ASCII inside those words, ideographs only one Chinese script (or only Japanese) uses,
 * and which distinct letters of scripts with {@link Candidates} occur. {@link Verdicts} turns the
 * counts into a language tag.
 *
 * <p>Mutable; one per text or answer, used by one thread. Characters that are not letters
 * (digits, punctuation, spaces, emoji) only end words.
 */
final class ScriptTally {

  private final CharTable table;
  private final int[] letters;
  private final int[] words;
  private long[] seen;
  private int lowercaseWords;
  private int simplified;
  private int traditional;
  private int japanese;
  private int extendedLatin;
  private int previousSlot;
  private boolean lowercaseWord;
  private int counted;

  ScriptTally(CharTable table) {
    this.table = table;
    this.letters = new int[table.slots()];
    this.words = new int[table.slots()];
  }

  /**
   * Counts the first {@code budget} chars of {@code text} (a surrogate pair on the edge is read
   * whole) as a text of its own: a word does not run on from the previous text.
   *
   * @return how many chars were read
   */
  int add(CharSequence text, int budget) {
    int length = text.length();
    int end = Math.min(length, budget);
    int i = 0;
    while (i < end) {
      char c = text.charAt(i++);
      if (Character.isHighSurrogate(c) && i < length && Character.isLowSurrogate(text.charAt(i))) {
        int codePoint = Character.toCodePoint(c, text.charAt(i++));
        count(codePoint, table.entry(codePoint));
      } else {
        count(c, table.entry(c));
      }
    }
    previousSlot = CharTable.NONE;
    counted += i;
    return i;
  }

  /** Counts one code point of a text that arrives in pieces (an answer's stream). */
  void add(int codePoint) {
    count(codePoint, table.entry(codePoint));
    counted++;
  }

  private void count(int codePoint, int entry) {
    int slot = entry & 0xFF;
    if (slot == CharTable.NONE) {
      previousSlot = CharTable.NONE;
      return;
    }
    letters[slot]++;
    int flags = entry >>> 8;
    if (slot != previousSlot) {
      words[slot]++;
      lowercaseWord = slot == CharTable.LATIN && (flags & CharTable.UPPER) == 0;
      lowercaseWords += lowercaseWord ? 1 : 0;
      previousSlot = slot;
    }
    if (slot == CharTable.HAN) {
      countHan(flags);
      return;
    }
    if (codePoint < Candidates.SEEN_LIMIT && table.hasCandidates(slot)) {
      see(codePoint);
      extendedLatin += lowercaseWord && (flags & CharTable.EXTENDED) != 0 ? 1 : 0;
    }
  }

  private void countHan(int flag) {
    switch (flag) {
      case CharTable.HANS -> simplified++;
      case CharTable.HANT -> traditional++;
      case CharTable.JAPANESE -> japanese++;
      default -> { }
    }
  }

  private void see(int codePoint) {
    if (seen == null) {
      seen = new long[Candidates.SEEN_LIMIT / 64];
    }
    seen[codePoint >>> 6] |= 1L << codePoint;
  }

  /** The distinct letters of {@code slot}'s script seen (if it has {@link Candidates}). */
  List<Integer> seenLetters(int slot) {
    List<Integer> found = new ArrayList<>();
    for (int word = 0; seen != null && word < seen.length; word++) {
      for (long bits = seen[word]; bits != 0; bits &= bits - 1) {
        int codePoint = word * 64 + Long.numberOfTrailingZeros(bits);
        if ((table.entry((char) codePoint) & 0xFF) == slot) {
          found.add(codePoint);
        }
      }
    }
    return found;
  }

  CharTable table() {
    return table;
  }

  /** Chars (or code points) read so far. */
  int counted() {
    return counted;
  }

  int letters(int slot) {
    return letters[slot];
  }

  int words(int slot) {
    return words[slot];
  }

  int lowercaseWords() {
    return lowercaseWords;
  }

  int simplified() {
    return simplified;
  }

  int traditional() {
    return traditional;
  }

  int japanese() {
    return japanese;
  }

  /** Latin letters beyond ASCII inside words that start in lower case. */
  int extendedLatin() {
    return extendedLatin;
  }
}
