package com.mas.gateway.language;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The language meters. The {@code language} tag is bounded: a tag the detector can produce is
 * used as it is, a client's override is cut to the longest part of it the detector could have
 * produced ({@code zh-Hant-TW} counts as {@code zh-Hant}, {@code de-CH} as {@code de}), and
 * anything else counts as {@code other}. Thread-safe.
 */
final class LanguageMetrics {

  /** Requests by the language of their user turns (detected or declared). */
  static final String REQUESTS = "mas_gateway_requests_by_language";
  /** Per answer: the share of its script-specific ideographs that are in the user's script (0..1). */
  static final String SCRIPT_SHARE = "mas_gateway_answer_script_share";
  /** Answers by whether their language is the question's. */
  static final String LANGUAGE_MATCH = "mas_gateway_answer_language_match";
  static final String TAG_LANGUAGE = "language";
  static final String TAG_POINT = "point";
  static final String TAG_MATCH = "match";

  private final MeterRegistry registry;
  private final Set<String> known;
  // by label, looked up once: building and registering a counter per request allocates
  private final Map<String, Counter> requests = new ConcurrentHashMap<>();

  LanguageMetrics(MeterRegistry registry, CharTable table) {
    this.registry = registry;
    this.known = table.tags();
  }

  void request(String tag) {
    requests.computeIfAbsent(label(tag), l -> Counter.builder(REQUESTS).tag(TAG_LANGUAGE, l).register(registry))
        .increment();
  }

  void scriptShare(String userScript, String point, double share) {
    DistributionSummary.builder(SCRIPT_SHARE).tag(TAG_LANGUAGE, userScript).tag(TAG_POINT, point)
        .register(registry).record(share);
  }

  /** @param match {@code yes}, {@code no} or {@code unknown} (the answer had nothing telling) */
  void languageMatch(String questionTag, String point, String match) {
    Counter.builder(LANGUAGE_MATCH).tag(TAG_LANGUAGE, label(questionTag)).tag(TAG_POINT, point)
        .tag(TAG_MATCH, match).register(registry).increment();
  }

  /** The tag as a bounded metric label. */
  String label(String tag) {
    String cut = tag;
    while (!known.contains(cut)) {
      int dash = cut.lastIndexOf('-');
      if (dash < 0) {
        return "other";
      }
      cut = cut.substring(0, dash);
    }
    return cut;
  }
}
