package com.mas.gateway.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector against the labelled corpus in {@code src/test/resources/language/corpus.tsv}
 * (written for these tests: Simplified, Traditional with Taiwan and Hong Kong usage, Japanese
 * with kanji, Korean, English, Chinese with English product names and emoji, one- and
 * two-character messages), each sample sent as the user turn of a chat request.
 */
class LanguageCorpusTest {

  private record Sample(String expected, String note, String text) {
    boolean chineseScript() {
      return expected.equals(Tags.HANS) || expected.equals(Tags.HANT);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static List<Sample> corpus;

  @BeforeAll
  static void load() throws IOException {
    corpus = new ArrayList<>();
    try (InputStream in = LanguageCorpusTest.class.getResourceAsStream("/language/corpus.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] fields = line.split("\t", 3);
          corpus.add(new Sample(fields[0], fields[1], fields[2]));
        }
      }
    }
  }

  @Test
  void corpus_is_large_and_covers_every_kind_of_sample() {
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
    assertThat(count(s -> s.expected().equals(Tags.HANS))).isGreaterThanOrEqualTo(60);
    assertThat(count(s -> s.expected().equals(Tags.HANT) && s.note().startsWith("TW"))).isGreaterThanOrEqualTo(30);
    assertThat(count(s -> s.expected().equals(Tags.HANT) && s.note().startsWith("HK"))).isGreaterThanOrEqualTo(25);
    assertThat(count(s -> s.expected().equals("ja") && s.text().codePoints().anyMatch(Character::isIdeographic)))
        .isGreaterThanOrEqualTo(25);
    assertThat(count(s -> s.expected().equals("ko"))).isGreaterThanOrEqualTo(10);
    assertThat(count(s -> s.expected().equals("en"))).isGreaterThanOrEqualTo(15);
    assertThat(count(s -> s.note().startsWith("mix") && s.text().codePoints().anyMatch(cp -> cp >= 0x1F300)))
        .isGreaterThanOrEqualTo(10);
    assertThat(count(s -> s.text().replaceAll("\\P{IsHan}", "").codePointCount(0,
        s.text().replaceAll("\\P{IsHan}", "").length()) <= 2 && s.text().codePoints().anyMatch(Character::isIdeographic)))
        .isGreaterThanOrEqualTo(20);
  }

  @Test
  void tells_simplified_from_traditional_in_at_least_98_percent_of_samples() {
    List<Sample> chinese = corpus.stream().filter(Sample::chineseScript).toList();
    List<String> misses = misses(chinese);

    double accuracy = 1.0 - (double) misses.size() / chinese.size();
    assertThat(accuracy).as("zh-Hans/zh-Hant accuracy over %d samples; misses: %s", chinese.size(), misses)
        .isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void never_labels_a_japanese_sample_chinese() {
    List<String> labelledChinese = corpus.stream()
        .filter(s -> s.expected().equals("ja"))
        .filter(s -> detect(s.text()).startsWith("zh"))
        .map(Sample::text)
        .toList();

    assertThat(labelledChinese).isEmpty();
  }

  @Test
  void labels_every_other_sample_as_written() {
    List<Sample> others = corpus.stream().filter(s -> !s.chineseScript()).toList();

    assertThat(misses(others)).isEmpty();
  }

  private static List<String> misses(List<Sample> samples) {
    return samples.stream()
        .filter(s -> !detect(s.text()).equals(s.expected()))
        .map(s -> s.expected() + " read as " + detect(s.text()) + ": " + s.text())
        .toList();
  }

  private static long count(Predicate<Sample> filter) {
    return corpus.stream().filter(filter).count();
  }

  /** Through the request path: the sample as the one user turn of a chat request. */
  private static String detect(String text) {
    ObjectNode request = JSON.createObjectNode().put("model", "m");
    request.putArray("messages").addObject().put("role", "user").put("content", text);
    return Languages.shared().detect(request);
  }
}
