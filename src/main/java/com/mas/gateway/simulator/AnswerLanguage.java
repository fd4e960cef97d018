package com.mas.gateway.simulator;

import java.util.Locale;

/** The language the simulator answers in. */
public enum AnswerLanguage {
  ENGLISH("en"),
  SIMPLIFIED_CHINESE("zh-Hans"),
  TRADITIONAL_CHINESE("zh-Hant");

  private final String tag;

  AnswerLanguage(String tag) {
    this.tag = tag;
  }

  /** The BCP 47 tag this language is written as in headers and on the command line. */
  public String tag() {
    return tag;
  }

  /**
   * Reads a language tag, case-insensitively: {@code en}, {@code zh-Hans} (also {@code zh-CN},
   * {@code zh}) or {@code zh-Hant} (also {@code zh-TW}, {@code zh-HK}); underscores work as
   * hyphens.
   *
   * @throws IllegalArgumentException when the tag names none of them
   */
  public static AnswerLanguage parse(String tag) {
    String normal = tag == null ? "" : tag.trim().replace('_', '-').toLowerCase(Locale.ROOT);
    switch (normal) {
      case "en", "en-us", "en-gb", "english":
        return ENGLISH;
      case "zh-hans", "zh-cn", "zh-sg", "zh":
        return SIMPLIFIED_CHINESE;
      case "zh-hant", "zh-tw", "zh-hk", "zh-mo":
        return TRADITIONAL_CHINESE;
      default:
        throw new IllegalArgumentException(
            "unknown answer language '" + tag + "': use en, zh-Hans or zh-Hant");
    }
  }
}
