package com.mas.gateway.language;

import com.ibm.icu.text.Transliterator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two-character phrase rules of an ICU script transliterator, for the characters whose form
 * depends on a neighbour: {@code 里} alone stays {@code 里} (a unit of length) but {@code 这里}
 * is {@code 這裡} and {@code 里面} is {@code 裡面}; {@code 关系} is {@code 關係}, {@code 头发}
 * {@code 頭髮}. Read from the transliterator's own rules ({@code 关系 > 關係;}), keeping those
 * that differ from converting each character alone. ICU's longer phrases (three and four
 * characters, a few hundred) and its context rules are not used.
 *
 * <p>Applied left to right as ICU applies them: a character pairs with the one before it if
 * that one is not already the second of a pair, else with the one after it when it is already
 * known (in the same piece of text); nothing is ever held back to wait for a neighbour.
 */
final class PairRules {

  static final PairRules NONE = new PairRules(Map.of());

  private static final Pattern RULE = Pattern.compile("^(\\p{IsHan}{2}) > (\\p{IsHan}{2});$");

  /** Key: the two source code points; value: the two results, each packed as (first << 21) | second. */
  private final Map<Long, Long> pairs;
  private final long[] firsts = new long[1 << 10];
  private final long[] seconds = new long[1 << 10];

  private PairRules(Map<Long, Long> pairs) {
    this.pairs = pairs;
    pairs.keySet().forEach(key -> {
      mark(firsts, (int) (key >>> 21));
      mark(seconds, (int) (key & 0x1FFFFF));
    });
  }

  /** The two-character rules of {@code transliterator} that converting character by character with {@code map} would miss. */
  static PairRules of(Transliterator transliterator, CodePointMap map) {
    Map<Long, Long> pairs = new HashMap<>();
    for (String line : transliterator.toRules(false).split("\n")) {
      Matcher rule = RULE.matcher(line.trim());
      if (!rule.matches()) {
        continue;
      }
      int[] from = rule.group(1).codePoints().toArray();
      int[] to = rule.group(2).codePoints().toArray();
      if (to[0] != map.map(from[0]) || to[1] != map.map(from[1])) {
        pairs.putIfAbsent(pack(from[0], from[1]), pack(to[0], to[1])); // the first rule for a key is the one ICU applies
      }
    }
    return new PairRules(pairs);
  }

  int size() {
    return pairs.size();
  }

  /**
   * The second character of a pair rule for {@code (before, codePoint)}, or -1 when there is
   * none.
   */
  int asSecond(int before, int codePoint) {
    if (before < 0 || !marked(seconds, codePoint) || !marked(firsts, before)) {
      return -1;
    }
    Long result = pairs.get(pack(before, codePoint));
    return result == null ? -1 : (int) (result & 0x1FFFFF);
  }

  /** The first character of a pair rule for {@code (codePoint, after)}, or -1 when there is none. */
  int asFirst(int codePoint, int after) {
    if (after < 0 || !marked(firsts, codePoint) || !marked(seconds, after)) {
      return -1;
    }
    Long result = pairs.get(pack(codePoint, after));
    return result == null ? -1 : (int) (result >>> 21);
  }

  private static long pack(int first, int second) {
    return ((long) first << 21) | second;
  }

  /** A 64K-bit filter (code points folded onto 16 bits), so most characters skip the map. */
  private static void mark(long[] bits, int codePoint) {
    int folded = codePoint & 0xFFFF;
    bits[folded >>> 6] |= 1L << folded;
  }

  private static boolean marked(long[] bits, int codePoint) {
    int folded = codePoint & 0xFFFF;
    return (bits[folded >>> 6] & (1L << folded)) != 0;
  }
}
