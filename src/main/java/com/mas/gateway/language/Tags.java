package com.mas.gateway.language;

import com.ibm.icu.util.ULocale;
import com.mas.gateway.api.GatewayException;
import java.util.IllformedLocaleException;
import java.util.Locale;

/** Language tags: checking a client's, and reading the Chinese script one implies. */
final class Tags {

  static final String HANS = "zh-Hans";
  static final String HANT = "zh-Hant";
  static final String UNDETERMINED = "und";

  /** RFC 5646 section 4.4.1 asks implementations to support tags of at least 35 characters; longer ones are refused. */
  private static final int MAX_LENGTH = 35;

  private Tags() {}

  /**
   * The client's tag in canonical case ({@code zh-hant-tw} is {@code zh-Hant-TW}).
   *
   * @throws GatewayException 400 naming {@code param} when it is not a well-formed BCP 47 tag
   */
  static String parse(String raw, String param) {
    String value = raw.trim().replace('_', '-');
    try {
      if (value.isEmpty() || value.length() > MAX_LENGTH) {
        throw new IllformedLocaleException("length");
      }
      return new Locale.Builder().setLanguageTag(value).build().toLanguageTag();
    } catch (IllformedLocaleException e) {
      throw GatewayException.badRequest(param, "Invalid '" + param
          + "': expected a BCP 47 language tag of at most " + MAX_LENGTH + " characters, such as 'zh-Hant' or 'en'.");
    }
  }

  /**
   * The Chinese script a reader of {@code tag} expects: {@link #HANS}, {@link #HANT}, or null
   * when the tag is not Chinese or does not say ({@code zh} alone is what the detector reports
   * for Chinese without a telling character). Regions imply scripts the way CLDR's likely
   * subtags say: {@code zh-TW} and {@code zh-HK} are Traditional, {@code zh-CN} Simplified,
   * Cantonese ({@code yue}) Traditional.
   */
  static String chineseScript(String tag) {
    if (tag == null || tag.equals("zh")) {
      return null;
    }
    if (tag.startsWith(HANS) || tag.startsWith(HANT)) {
      return tag.substring(0, HANS.length());
    }
    if (isOtherTwoLetterLanguage(tag)) {
      return null; // en, ja, de-CH, ...: no ICU parse on every request (about 7 us each)
    }
    ULocale locale = ULocale.forLanguageTag(tag);
    if (!locale.getLanguage().equals("zh") && !locale.getLanguage().equals("yue")) {
      return null;
    }
    return switch (ULocale.addLikelySubtags(locale).getScript()) {
      case "Hans" -> HANS;
      case "Hant" -> HANT;
      default -> null;
    };
  }

  /**
   * Whether the primary subtag has two letters and is not {@code zh}: no such language implies a
   * Chinese script (ICU's aliases of two-letter codes, like {@code iw} to {@code he}, never lead
   * to {@code zh}). Three-letter ones ({@code yue}, {@code cmn}) still go through ICU.
   */
  private static boolean isOtherTwoLetterLanguage(String tag) {
    String language = language(tag);
    return language.length() == 2 && !language.equalsIgnoreCase("zh");
  }

  /** The primary language subtag: {@code zh} of {@code zh-Hant-TW}. */
  static String language(String tag) {
    int dash = tag.indexOf('-');
    return dash < 0 ? tag : tag.substring(0, dash);
  }
}
