package com.mas.gateway.language;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;
import com.ibm.icu.util.LocaleData;
import com.ibm.icu.util.ULocale;
import java.util.HashMap;
import java.util.Map;

/**
 * What ICU knows about the two Chinese scripts, read once at startup: the character maps of its
 * {@code Hans-Hant} and {@code Hant-Hans} transliterators and their two-character phrase rules
 * ({@link PairRules}), and from the maps (with CLDR's exemplar characters) which ideographs only
 * one script uses. No character list is typed by hand.
 *
 * <ul>
 *   <li><b>Simplified-only</b>: changed by {@code Hans-Hant} and not among the characters CLDR
 *       lists for Traditional Chinese ({@code 后}, {@code 干}, {@code 云} change but are also
 *       correct Traditional characters, so they tell nothing).
 *   <li><b>Traditional-only</b>: changed by {@code Hant-Hans} and not among CLDR's Simplified
 *       Chinese characters ({@code 乾}, {@code 著}, {@code 後} stay out for the same reason).
 *   <li><b>Japanese-only kanji</b>: in CLDR's Japanese characters but in neither Chinese set, not
 *       a Simplified character and not the Traditional or Simplified form ICU converts to
 *       ({@code 駅}, {@code 売}, {@code 関}): evidence for Japanese written without kana, and not
 *       counted as Traditional.
 * </ul>
 *
 * <p>ICU has no regional (Taiwan, Hong Kong) variant tables, so there is one Traditional map.
 */
final class HanScripts {

  final ScriptMapping toTraditional;
  final ScriptMapping toSimplified;
  final UnicodeSet simplifiedOnly;
  final UnicodeSet traditionalOnly;
  final UnicodeSet japaneseOnly;

  private HanScripts(Transliterator toHant, Transliterator toHans) {
    Map<Integer, Integer> s2t = mappings(toHant);
    Map<Integer, Integer> t2s = mappings(toHans);
    this.toTraditional = mapping(toHant, s2t);
    this.toSimplified = mapping(toHans, t2s);
    UnicodeSet simplified = keys(s2t);
    UnicodeSet traditional = keys(t2s);
    UnicodeSet hans = exemplars("zh_Hans");
    UnicodeSet hant = exemplars("zh_Hant");
    this.japaneseOnly = new UnicodeSet(exemplars("ja")).retainAll(new UnicodeSet("[:Han:]"))
        .removeAll(hans).removeAll(hant).removeAll(simplified).removeAll(values(s2t)).removeAll(values(t2s))
        .freeze();
    UnicodeSet both = new UnicodeSet(simplified).retainAll(traditional);
    this.simplifiedOnly = new UnicodeSet(simplified).removeAll(hant).removeAll(both).freeze();
    this.traditionalOnly = new UnicodeSet(traditional).removeAll(hans).removeAll(japaneseOnly).removeAll(both)
        .freeze();
  }

  /** Loads the transliterators and derives everything; takes most of a second on a cold JVM. */
  static HanScripts load() {
    return new HanScripts(Transliterator.getInstance("Hans-Hant"), Transliterator.getInstance("Hant-Hans"));
  }

  private static ScriptMapping mapping(Transliterator transliterator, Map<Integer, Integer> characters) {
    CodePointMap map = new CodePointMap(characters);
    return new ScriptMapping(map, PairRules.of(transliterator, map));
  }

  /**
   * Every one-to-one change {@code transliterator} makes to a single character. Its source set
   * is, per ICU, every character it may change; all of them are transliterated in one call, one
   * per line, so no rule sees a neighbour.
   */
  private static Map<Integer, Integer> mappings(Transliterator transliterator) {
    StringBuilder lines = new StringBuilder();
    UnicodeSetIterator source = new UnicodeSetIterator(transliterator.getSourceSet());
    while (source.next()) {
      if (source.codepoint != UnicodeSetIterator.IS_STRING) {
        lines.appendCodePoint(source.codepoint).append('\n');
      }
    }
    String[] from = lines.toString().split("\n");
    String[] to = transliterator.transliterate(lines.toString()).split("\n");
    if (to.length != from.length) {
      throw new IllegalStateException(transliterator.getID() + " changed the number of lines it was given");
    }
    Map<Integer, Integer> result = new HashMap<>(from.length * 2);
    for (int i = 0; i < from.length; i++) {
      boolean single = to[i].codePointCount(0, to[i].length()) == 1;
      if (single && !to[i].equals(from[i])) {
        result.put(from[i].codePointAt(0), to[i].codePointAt(0));
      }
    }
    return result;
  }

  /** CLDR's main and auxiliary exemplar characters of {@code locale}. */
  private static UnicodeSet exemplars(String locale) {
    ULocale at = new ULocale(locale);
    return new UnicodeSet(LocaleData.getExemplarSet(at, 0, LocaleData.ES_STANDARD))
        .addAll(LocaleData.getExemplarSet(at, 0, LocaleData.ES_AUXILIARY));
  }

  private static UnicodeSet keys(Map<Integer, Integer> map) {
    UnicodeSet set = new UnicodeSet();
    map.keySet().forEach(set::add);
    return set;
  }

  private static UnicodeSet values(Map<Integer, Integer> map) {
    UnicodeSet set = new UnicodeSet();
    map.values().forEach(set::add);
    return set;
  }
}
