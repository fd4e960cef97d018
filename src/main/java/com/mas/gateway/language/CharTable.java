package com.mas.gateway.language;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.util.LocaleData;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry per BMP code point saying what the detector needs to know about it, so the hot loop
 * is an array read per character instead of ICU property look-ups. Built once from ICU's script
 * data, CLDR's likely subtags (which language a script most likely writes: Cyrillic is Russian,
 * Hangul Korean) and exemplar characters.
 *
 * <p>An entry's low byte is the script slot ({@link #NONE} for anything that is not a letter:
 * digits, punctuation, spaces, emoji); its high byte holds flags (for Han: Simplified-,
 * Traditional- or Japanese-only; for Latin: upper case, beyond ASCII).
 */
final class CharTable {

  static final int NONE = 0;
  static final int LATIN = 1;
  static final int HAN = 2;
  static final int KANA = 3;
  static final int HANGUL = 4;
  private static final int FIRST_OTHER = 5;

  /** Han flags. */
  static final int HANS = 1;
  static final int HANT = 2;
  static final int JAPANESE = 3;
  /** Latin flags. */
  static final int UPPER = 1;
  static final int EXTENDED = 2;

  private final char[] table = new char[0x10000];
  private final List<String> slotLanguages = new ArrayList<>(List.of("und", "en", "zh", "ja", "ko"));
  private final List<Integer> slotScripts = new ArrayList<>(
      List.of(UScript.COMMON, UScript.LATIN, UScript.HAN, UScript.KATAKANA_OR_HIRAGANA, UScript.HANGUL));
  private final Map<Integer, Integer> otherSlots = new LinkedHashMap<>();
  private final HanScripts han;
  private final Candidates candidates;
  private final Set<String> tags;
  private final boolean[] withCandidates;

  CharTable(HanScripts han) {
    this.han = han;
    this.candidates = new Candidates();
    BitSet extensions = new BitSet();
    for (int cp = 0; cp < table.length; cp++) {
      if (!Character.isSurrogate((char) cp)) {
        int slot = slotOf(cp, extensions);
        table[cp] = (char) (slot == NONE ? 0 : (marker(cp, slot) << 8) | slot);
      }
    }
    this.tags = tagsProduced();
    this.withCandidates = new boolean[slotScripts.size()];
    for (int slot = 0; slot < withCandidates.length; slot++) {
      withCandidates[slot] = candidates.has(slotScripts.get(slot));
    }
  }

  /** The entry of a BMP code point. */
  int entry(char c) {
    return table[c];
  }

  /** The entry of any code point: astral ideographs (Extension B and later) are Han, other astral ones nothing. */
  int entry(int codePoint) {
    if (codePoint < table.length) {
      return table[codePoint];
    }
    if (codePoint < 0x20000 || codePoint >= 0x40000) {
      return NONE; // emoji and other symbols, historic scripts
    }
    return (hanFlag(codePoint) << 8) | HAN;
  }

  int slots() {
    return slotLanguages.size();
  }

  /** The language CLDR finds most likely for the script of {@code slot}. */
  String language(int slot) {
    return slotLanguages.get(slot);
  }

  /** True when the letters of {@code slot} tell {@link Candidates} apart. */
  boolean hasCandidates(int slot) {
    return withCandidates[slot];
  }

  /** The ICU script code of {@code slot}. */
  int script(int slot) {
    return slotScripts.get(slot);
  }

  Candidates candidates() {
    return candidates;
  }

  /** Every tag a verdict on this table can give. */
  Set<String> tags() {
    return tags;
  }

  private Set<String> tagsProduced() {
    Set<String> all = new HashSet<>(slotLanguages);
    all.addAll(List.of(Tags.HANS, Tags.HANT, Tags.UNDETERMINED));
    all.addAll(candidates.languages());
    return Set.copyOf(all);
  }

  private int slotOf(int cp, BitSet extensions) {
    int script = UScript.getScript(cp);
    if (isKana(cp, script, extensions)) {
      return KANA;
    }
    if (!isLetterLike(cp) || script == UScript.COMMON || script == UScript.INHERITED || script == UScript.UNKNOWN) {
      return NONE;
    }
    return switch (script) {
      case UScript.LATIN -> LATIN;
      case UScript.HAN -> HAN;
      case UScript.HANGUL -> HANGUL;
      default -> otherSlots.computeIfAbsent(script, this::addSlot);
    };
  }

  private int addSlot(int script) {
    int slot = slotLanguages.size();
    if (slot > 0xFF) {
      throw new IllegalStateException("more scripts than an entry's slot byte holds");
    }
    slotLanguages.add(likelyLanguage(script));
    slotScripts.add(script);
    return slot;
  }

  /** Hiragana, katakana, and letters only they use (the prolonged sound mark); not the CJK punctuation they share. */
  private static boolean isKana(int cp, int script, BitSet extensions) {
    if (script == UScript.HIRAGANA || script == UScript.KATAKANA || script == UScript.KATAKANA_OR_HIRAGANA) {
      return isLetterLike(cp);
    }
    if (script != UScript.COMMON || !UCharacter.isLetter(cp)) {
      return false;
    }
    UScript.getScriptExtensions(cp, extensions);
    return (extensions.get(UScript.HIRAGANA) || extensions.get(UScript.KATAKANA)) && !extensions.get(UScript.HAN);
  }

  private static boolean isLetterLike(int cp) {
    int type = UCharacter.getType(cp);
    return UCharacter.isLetter(cp) || type == UCharacter.NON_SPACING_MARK || type == UCharacter.COMBINING_SPACING_MARK
        || type == UCharacter.LETTER_NUMBER;
  }

  private int marker(int cp, int slot) {
    return switch (slot) {
      case HAN -> hanFlag(cp);
      case LATIN -> latinFlags(cp);
      default -> 0;
    };
  }

  private int hanFlag(int cp) {
    if (han.simplifiedOnly.contains(cp)) {
      return HANS;
    }
    if (han.traditionalOnly.contains(cp)) {
      return HANT;
    }
    return han.japaneseOnly.contains(cp) ? JAPANESE : 0;
  }

  private static int latinFlags(int cp) {
    boolean upper = UCharacter.isUUppercase(cp) || UCharacter.isTitleCase(cp);
    boolean fullwidth = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH) == UCharacter.EastAsianWidth.FULLWIDTH;
    boolean extended = cp > 0x7F && !fullwidth;
    return (upper ? UPPER : 0) | (extended ? EXTENDED : 0);
  }

  private static String likelyLanguage(int script) {
    String language = ULocale.addLikelySubtags(new ULocale("und_" + UScript.getShortName(script))).getLanguage();
    return language.isEmpty() ? "und" : language;
  }

  /** CLDR's main exemplar letters of {@code locale}, upper and lower case. */
  static UnicodeSet letters(String locale) {
    UnicodeSet set = LocaleData.getExemplarSet(new ULocale(locale), 0, LocaleData.ES_STANDARD);
    return new UnicodeSet(set).closeOver(UnicodeSet.CASE).retainAll(new UnicodeSet("[:L:]"));
  }
}
