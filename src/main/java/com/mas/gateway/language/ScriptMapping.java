package com.mas.gateway.language;

/**
 * One direction of script conversion: ICU's character map and its two-character phrase rules.
 * {@link #convert} converts one code point knowing its neighbours; the caller keeps
 * {@code before} from call to call (see {@link PairRules} for the order rules apply in).
 * Immutable and shared.
 */
final class ScriptMapping {

  static final ScriptMapping IDENTITY = new ScriptMapping(CodePointMap.IDENTITY, PairRules.NONE);

  /** Returned in the high half of {@link #convert}'s result when the code point closed a pair. */
  static final long PAIRED = 1L << 32;

  private final CodePointMap map;
  private final PairRules pairs;

  ScriptMapping(CodePointMap map, PairRules pairs) {
    this.map = map;
    this.pairs = pairs;
  }

  /**
   * {@code codePoint} converted: as the second of a pair with {@code before} (the code point
   * before it, or -1 when there is none or it already closed a pair), else as the first of a
   * pair with {@code after} (-1 when not yet known), else alone. The low 32 bits are the result;
   * {@link #PAIRED} is set when it closed a pair, so that the next call gets -1 as its
   * {@code before}.
   */
  long convert(int before, int codePoint, int after) {
    int second = pairs.asSecond(before, codePoint);
    if (second >= 0) {
      return PAIRED | second;
    }
    int first = pairs.asFirst(codePoint, after);
    return first >= 0 ? first : map.map(codePoint);
  }

  /** What {@code before} is for the code point after one converted with {@code result}. */
  static int nextBefore(int codePoint, long result) {
    return (result & PAIRED) != 0 ? -1 : codePoint;
  }

  CodePointMap characters() {
    return map;
  }

  PairRules pairs() {
    return pairs;
  }
}
