package com.mas.gateway.language;

import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;
import java.util.List;
import java.util.Map;

/**
 * Languages told apart within one script by the letters they use, per CLDR's exemplar
 * characters (so nothing here is a character list): the candidate missing the fewest of the
 * text's distinct letters wins, the script's usual language on equal misses; two others that
 * fit equally well are a tie (null), since the letters cannot tell them apart. Ukrainian
 * {@code ї} rules out Russian, Persian {@code گ} Arabic, Spanish {@code ñ} or Polish {@code ł}
 * every other Latin candidate, while French {@code é à è} fit Italian and Vietnamese as well. The
 * candidates are the major languages of each script, the usual one first.
 */
final class Candidates {

  /** Distinct letters below this code point (Latin, Cyrillic, Arabic) are remembered per text. */
  static final int SEEN_LIMIT = 0x2000;

  private record Group(int script, List<String> languages) {}

  private static final Map<Integer, List<String>> LANGUAGES = Map.of(
      UScript.LATIN, List.of("en", "es", "fr", "de", "pt", "it", "nl", "pl", "tr", "vi", "cs", "ro", "hu", "sv", "da"),
      UScript.CYRILLIC, List.of("ru", "uk", "be", "bg", "sr", "mk", "kk"),
      UScript.ARABIC, List.of("ar", "fa", "ur"));

  private final Map<Integer, Group> groups;
  /** Per letter below {@link #SEEN_LIMIT}: bit i is set when candidate i of its script's group uses it. */
  private final int[] members = new int[SEEN_LIMIT];

  Candidates() {
    groups = Map.copyOf(Map.of(
        UScript.LATIN, group(UScript.LATIN), UScript.CYRILLIC, group(UScript.CYRILLIC),
        UScript.ARABIC, group(UScript.ARABIC)));
  }

  private Group group(int script) {
    List<String> languages = LANGUAGES.get(script);
    UnicodeSet scriptLetters = new UnicodeSet().applyIntPropertyValue(UProperty.SCRIPT, script);
    for (int i = 0; i < languages.size(); i++) {
      UnicodeSet letters = CharTable.letters(languages.get(i)).retainAll(scriptLetters);
      for (UnicodeSetIterator it = new UnicodeSetIterator(letters); it.next(); ) {
        if (it.codepoint != UnicodeSetIterator.IS_STRING && it.codepoint < SEEN_LIMIT) {
          members[it.codepoint] |= 1 << i;
        }
      }
    }
    return new Group(script, languages);
  }

  /** True when {@code script} has candidates. */
  boolean has(int script) {
    return groups.containsKey(script);
  }

  /** Every language that can be chosen. */
  List<String> languages() {
    return groups.values().stream().flatMap(group -> group.languages().stream()).toList();
  }

  /** The candidate of {@code script} that best fits the distinct {@code letters}, or null on a tie. */
  String choose(int script, Iterable<Integer> letters) {
    Group group = groups.get(script);
    int[] misses = new int[group.languages().size()];
    for (int letter : letters) {
      for (int i = 0; i < misses.length; i++) {
        if ((members[letter] & (1 << i)) == 0) {
          misses[i]++;
        }
      }
    }
    int best = 0;
    boolean tie = false;
    for (int i = 1; i < misses.length; i++) {
      if (misses[i] < misses[best]) {
        best = i;
        tie = false;
      } else if (misses[i] == misses[best] && best != 0) {
        tie = true;
      }
    }
    return tie ? null : group.languages().get(best);
  }
}
