package com.mas.gateway.language;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable map from code point to code point, compact and fast where the data is dense: the
 * CJK Unified Ideographs (with Extension A) are a flat {@code char[]} indexed by code point,
 * everything else (astral extensions, compatibility ideographs, BMP keys whose value is astral)
 * a sorted array searched by bisection. Unmapped code points map to themselves.
 */
final class CodePointMap {

  /** Maps every code point to itself. */
  static final CodePointMap IDENTITY = new CodePointMap(Map.of());

  /** First code point of the dense range: CJK Unified Ideographs Extension A. */
  private static final int DENSE_START = 0x3400;
  /** End (exclusive) of the dense range: the end of the CJK Unified Ideographs block. */
  private static final int DENSE_END = 0xA000;
  /** In the dense array: this code point is mapped in the sparse part. */
  private static final char SPARSE = 0xFFFF;

  private final char[] dense = new char[DENSE_END - DENSE_START];
  private final int[] keys;
  private final int[] values;
  private final int lowestKey;

  CodePointMap(Map<Integer, Integer> mappings) {
    TreeMap<Integer, Integer> sparse = new TreeMap<>();
    mappings.forEach((from, to) -> {
      if (from.equals(to)) {
        return;
      }
      if (from >= DENSE_START && from < DENSE_END && to < Character.MIN_SUPPLEMENTARY_CODE_POINT && to != SPARSE) {
        dense[from - DENSE_START] = (char) to.intValue();
      } else {
        sparse.put(from, to);
        if (from >= DENSE_START && from < DENSE_END) {
          dense[from - DENSE_START] = SPARSE;
        }
      }
    });
    keys = sparse.keySet().stream().mapToInt(Integer::intValue).toArray();
    values = sparse.values().stream().mapToInt(Integer::intValue).toArray();
    lowestKey = mappings.keySet().stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
  }

  /** What {@code codePoint} maps to; itself when unmapped. */
  int map(int codePoint) {
    if (codePoint >= DENSE_START && codePoint < DENSE_END) {
      char to = dense[codePoint - DENSE_START];
      if (to == 0) {
        return codePoint;
      }
      if (to != SPARSE) {
        return to;
      }
    } else if (codePoint < lowestKey) {
      return codePoint; // the common case for Latin text
    }
    int at = Arrays.binarySearch(keys, codePoint);
    return at >= 0 ? values[at] : codePoint;
  }

  /** How many code points are mapped to something else. */
  int size() {
    int count = keys.length;
    for (char to : dense) {
      if (to != 0 && to != SPARSE) {
        count++;
      }
    }
    return count;
  }
}
