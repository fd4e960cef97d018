package com.mas.gateway.language;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Language detection and Chinese script fidelity, built once per JVM from ICU4J's data (see
 * {@link HanScripts}, {@link CharTable}) and shared by every event loop; immutable after that.
 * Building takes most of a second on a cold JVM (ICU loads its transliterator rules), so the
 * first {@link #shared()} call pays it and logs how long it took.
 */
public final class Languages {

  private static final Logger LOG = LoggerFactory.getLogger(Languages.class);

  private final HanScripts han;
  private final CharTable table;
  private final LanguageDetector detector;
  private final Duration buildTime;

  private Languages(HanScripts han, CharTable table, Duration buildTime) {
    this.han = han;
    this.table = table;
    this.detector = new LanguageDetector(table);
    this.buildTime = buildTime;
  }

  /** The tables, built on first use (blocking the caller for the build) and shared after. */
  public static Languages shared() {
    return Holder.SHARED;
  }

  private static final class Holder {
    static final Languages SHARED = build();
  }

  static Languages build() {
    long start = System.nanoTime();
    HanScripts han = HanScripts.load();
    CharTable table = new CharTable(han);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    LOG.info("Language tables built from ICU4J in {} ms: {} Simplified-to-Traditional and {} Traditional-to-Simplified "
            + "characters ({} and {} two-character phrases), {} Simplified-only, {} Traditional-only and {} "
            + "Japanese-only ideographs, {} scripts",
        took.toMillis(), han.toTraditional.characters().size(), han.toSimplified.characters().size(),
        han.toTraditional.pairs().size(), han.toSimplified.pairs().size(), han.simplifiedOnly.size(),
        han.traditionalOnly.size(), han.japaneseOnly.size(), table.slots() - 1);
    return new Languages(han, table, took);
  }

  /** How long building the tables took. */
  public Duration buildTime() {
    return buildTime;
  }

  /**
   * The BCP 47 tag of a chat request's user turns; see {@link LanguageDetector} and
   * {@link Verdicts}. Thread-safe; a few microseconds for a 2 KB message.
   */
  public String detect(ObjectNode request) {
    return detector.detect(request);
  }

  /** The tag of one text on its own. */
  public String detect(CharSequence text) {
    return detector.detect(text);
  }

  /** The pipeline stage that sets {@code Exchange.language()}, counting requests in {@code registry}. */
  public LanguageStage stage(MeterRegistry registry) {
    return new LanguageStage(this, new LanguageMetrics(registry, table));
  }

  /** Script fidelity for a user who writes {@code userTag}; inactive unless that is Chinese in a known script. */
  public ScriptFidelity fidelity(String userTag) {
    String script = Tags.chineseScript(userTag);
    if (script == null) {
      return ScriptFidelity.NONE;
    }
    return new ScriptFidelity(script, script.equals(Tags.HANT) ? han.toTraditional : han.toSimplified);
  }

  /**
   * A watcher of one answer to a question in {@code questionTag}, recording to {@code registry};
   * {@code point} names where it watches ({@code upstream} or {@code delivered}).
   */
  public AnswerQuality quality(String questionTag, String point, MeterRegistry registry) {
    return new AnswerQuality(table, questionTag, point, new LanguageMetrics(registry, table));
  }
}
