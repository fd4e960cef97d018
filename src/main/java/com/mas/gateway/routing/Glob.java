package com.mas.gateway.routing;

import java.util.List;

/**
 * A pattern of a routing rule: an exact value, or a glob in which {@code *} stands for any run of
 * characters ({@code mas-*}, {@code zh-*}, {@code *-mini}). Matching walks the value once and
 * allocates nothing, since every request is matched against every rule ahead of its own.
 */
final class Glob {

  private final String[] parts;
  private final boolean ignoreCase;

  private Glob(String pattern, boolean ignoreCase) {
    this.parts = pattern.split("\\*", -1);
    this.ignoreCase = ignoreCase;
  }

  /** Patterns compared exactly (case-sensitive), as model names and tenant ids are. */
  static List<Glob> of(List<String> patterns) {
    return patterns.stream().map(p -> new Glob(p, false)).toList();
  }

  /** Patterns compared ignoring case, as language tags are (BCP 47: {@code zh-Hant} is {@code zh-hant}). */
  static List<Glob> ignoringCase(List<String> patterns) {
    return patterns.stream().map(p -> new Glob(p, true)).toList();
  }

  /** True when {@code globs} is empty, or {@code value} is set and one of them matches it. */
  static boolean anyMatches(List<Glob> globs, String value) {
    if (globs.isEmpty()) {
      return true;
    }
    if (value == null) {
      return false;
    }
    for (int i = 0; i < globs.size(); i++) {
      if (globs.get(i).matches(value)) {
        return true;
      }
    }
    return false;
  }

  boolean matches(String value) {
    String first = parts[0];
    if (parts.length == 1) {
      return value.length() == first.length() && region(value, 0, first);
    }
    String last = parts[parts.length - 1];
    if (value.length() < first.length() + last.length() || !region(value, 0, first)
        || !region(value, value.length() - last.length(), last)) {
      return false;
    }
    int at = first.length();
    int end = value.length() - last.length();
    for (int i = 1; i < parts.length - 1; i++) {
      at = find(value, parts[i], at, end);
      if (at < 0) {
        return false;
      }
      at += parts[i].length();
    }
    return true;
  }

  private int find(String value, String part, int from, int end) {
    for (int at = from; at + part.length() <= end; at++) {
      if (region(value, at, part)) {
        return at;
      }
    }
    return -1;
  }

  private boolean region(String value, int at, String part) {
    return value.regionMatches(ignoreCase, at, part, 0, part.length());
  }
}
