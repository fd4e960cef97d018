package com.mas.gateway.language;

/**
 * Turns a {@link ScriptTally} into a language tag, and says whether the text was telling enough
 * to stand on its own or the detector should look at earlier turns.
 *
 * <p>The script with the most weight wins: an ideograph, kana or Hangul syllable weighs 1, a
 * word of another alphabetic script 2, a Latin word 2 when it starts in lower case and 1/4 when
 * capitalised, so brand and product names ({@code SK-II Facial Treatment Essence}) inside a
 * Chinese sentence do not make it English while an English question quoting {@code 神仙水} stays
 * English; on a tie Latin loses. Then, by script:
 *
 * <ul>
 *   <li>Han and kana: any kana is Japanese. Without kana, Japanese-only kanji ({@code 駅},
 *       {@code 営}) at least a third as many as the Chinese-script ones is Japanese too: Chinese
 *       writers do not use those forms, while Japanese shares many Traditional-only forms
 *       ({@code 時}, {@code 間}). Otherwise Chinese, and Simplified against Traditional by the
 *       characters only one script uses: the majority wins when it leads by at least a quarter
 *       of them ({@code 2:1} does, {@code 3:2} does not). A closer call, or no telling character
 *       at all ({@code 好的}), is left to earlier turns; failing those a close call is
 *       Traditional, because Simplified text rarely carries Traditional-only characters by
 *       accident while Traditional text often quotes Simplified shop and product names, and a
 *       text with no telling character is plain {@code zh}.
 *   <li>Latin: English, unless lower-case words carry at least two letters beyond ASCII, 3% of
 *       all Latin letters (capitalised names such as {@code Lancôme} do not count): then the
 *       candidate language that uses all its letters ({@link Candidates}), else {@code und}. One
 *       word is not enough to stand on its own.
 *   <li>Cyrillic and Arabic: the candidate that uses all its letters, else the script's most
 *       likely language (Russian, Arabic). Every other script: its most likely language per CLDR
 *       (Hangul Korean, Thai Thai, Greek Greek, Hebrew Hebrew, Devanagari Hindi).
 * </ul>
 */
final class Verdicts {

  /** A tag, and whether the text alone was enough to decide it. */
  record Verdict(String tag, boolean decisive) {
    static final Verdict UNKNOWN = new Verdict("und", false);
  }

  private static final int CJK_WEIGHT = 4;
  private static final int WORD_WEIGHT = 8;
  private static final int NAME_WEIGHT = 1;

  private Verdicts() {}

  static Verdict of(ScriptTally tally) {
    int best = topSlot(tally);
    return switch (best) {
      case CharTable.NONE -> Verdict.UNKNOWN;
      case CharTable.HAN, CharTable.KANA -> sinoJapanese(tally);
      case CharTable.LATIN -> latin(tally);
      default -> new Verdict(byLetters(tally, best), true);
    };
  }

  /** The heaviest script; on a tie, not Latin (mixed Chinese and English is usually a Chinese speaker's). */
  private static int topSlot(ScriptTally tally) {
    int best = CharTable.NONE;
    int bestWeight = 0;
    for (int slot = CharTable.LATIN + 1; slot < tally.table().slots(); slot++) {
      int weight = weight(tally, slot);
      if (weight > bestWeight) {
        best = slot;
        bestWeight = weight;
      }
    }
    return weight(tally, CharTable.LATIN) > bestWeight ? CharTable.LATIN : best;
  }

  private static int weight(ScriptTally tally, int slot) {
    return switch (slot) {
      case CharTable.HAN -> CJK_WEIGHT * (tally.letters(CharTable.HAN) + tally.letters(CharTable.KANA));
      case CharTable.KANA -> 0; // weighed with Han
      case CharTable.HANGUL -> CJK_WEIGHT * tally.letters(slot);
      case CharTable.LATIN -> WORD_WEIGHT * tally.lowercaseWords()
          + NAME_WEIGHT * (tally.words(slot) - tally.lowercaseWords());
      default -> WORD_WEIGHT * tally.words(slot);
    };
  }

  private static Verdict sinoJapanese(ScriptTally tally) {
    int simplified = tally.simplified();
    int traditional = tally.traditional();
    int japanese = tally.japanese();
    if (tally.letters(CharTable.KANA) > 0 || (japanese > 0 && japanese * 3 >= simplified + traditional)) {
      return new Verdict("ja", true);
    }
    return chineseScript(simplified, traditional);
  }

  /** Simplified against Traditional; see the class comment for the margin and the tie rule. */
  static Verdict chineseScript(int simplified, int traditional) {
    int total = simplified + traditional;
    if (total == 0) {
      return new Verdict("zh", false);
    }
    int lead = Math.abs(simplified - traditional);
    boolean clear = lead * 4 >= total;
    if (clear && simplified > traditional) {
      return new Verdict(Tags.HANS, true);
    }
    return new Verdict(Tags.HANT, clear);
  }

  private static Verdict latin(ScriptTally tally) {
    boolean decisive = tally.words(CharTable.LATIN) >= 2;
    int extended = tally.extendedLatin();
    if (extended < 2 || extended * 100 < 3 * tally.letters(CharTable.LATIN)) {
      return new Verdict("en", decisive);
    }
    String chosen = chosen(tally, CharTable.LATIN);
    return new Verdict(chosen == null ? "und" : chosen, decisive);
  }

  private static String byLetters(ScriptTally tally, int slot) {
    String chosen = tally.table().hasCandidates(slot) ? chosen(tally, slot) : null;
    return chosen != null ? chosen : tally.table().language(slot);
  }

  private static String chosen(ScriptTally tally, int slot) {
    return tally.table().candidates().choose(tally.table().script(slot), tally.seenLetters(slot));
  }
}
