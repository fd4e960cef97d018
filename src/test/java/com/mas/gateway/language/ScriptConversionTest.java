package com.mas.gateway.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Converting text between the scripts, whole and in pieces. */
class ScriptConversionTest {

  /** Extension B ideographs ICU maps (𫭼 is the Simplified form of 𡑍), one it does not (𠀀), emoji, a flag. */
  private static final String SIMPLIFIED = "这瓶精华液𫭼很好用😍，价钱也不贵𠀀👍🏽🇹🇼。";
  private static final String TRADITIONAL = "這瓶精華液𡑍很好用😍，價錢也不貴𠀀👍🏽🇹🇼。";

  private final Languages languages = Languages.shared();
  private final ScriptFidelity toTraditional = languages.fidelity("zh-Hant");
  private final ScriptFidelity toSimplified = languages.fidelity("zh-Hans");

  @Test
  void converts_characters_and_two_character_phrases_as_icu_does() {
    assertThat(toTraditional.convert(SIMPLIFIED)).isEqualTo(TRADITIONAL);
    assertThat(toSimplified.convert(TRADITIONAL)).isEqualTo(SIMPLIFIED);
    Transliterator icu = Transliterator.getInstance("Hans-Hant");
    for (String text : List.of("我在你们的官方网站买了一组护肤品，里面有洁面乳、爽肤水、精华液和面霜。",
        "这里的头发护理产品和面膜有什么关系？", "皇后牌的面条好吃吗", "干燥的皮肤要注意保湿，别干了再涂")) {
      assertThat(toTraditional.convert(text)).as(text).isEqualTo(icu.transliterate(text));
    }
    // 里 alone is a unit of length; 这里 and 里面 are 這裡 and 裡面
    assertThat(toTraditional.convert("这里五里路")).isEqualTo("這裡五里路");
  }

  @Test
  void agrees_with_icus_whole_text_transliteration_on_most_simplified_samples() throws Exception {
    Transliterator icu = Transliterator.getInstance("Hans-Hant");
    List<String> samples = new ArrayList<>();
    try (var in = getClass().getResourceAsStream("/language/corpus.tsv")) {
      for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("zh-Hans\t")) {
          samples.add(line.split("\t", 3)[2]);
        }
      }
    }
    List<String> differing = samples.stream()
        .filter(text -> !toTraditional.convert(text).equals(icu.transliterate(text))).toList();

    // only ICU's three- and four-character phrases are not looked for
    assertThat(1.0 - (double) differing.size() / samples.size()).as("differing: %s", differing)
        .isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void phrases_pair_across_pieces_with_the_character_before() {
    ScriptStream stream = toTraditional.stream();

    assertThat(stream.convert("这")).isEqualTo("這");
    assertThat(stream.convert("里有头")).isEqualTo("裡有頭");
    assertThat(stream.convert("发")).isEqualTo("髮");
  }

  @Test
  void leaves_text_in_the_users_script_and_other_languages_alone() {
    assertThat(toTraditional.convert(TRADITIONAL)).isEqualTo(TRADITIONAL);
    String other = "Lancôme Génifique — 小黑瓶 is great! この美容液は、とても良いです。";
    assertThat(toTraditional.convert(other)).isEqualTo(other.replace("这", "這"));
  }

  @Test
  void regional_and_unknown_tags_pick_a_script_or_none() {
    assertThat(languages.fidelity("zh-Hant-HK").script()).isEqualTo("zh-Hant");
    assertThat(languages.fidelity("zh-TW").script()).isEqualTo("zh-Hant");
    assertThat(languages.fidelity("zh-CN").script()).isEqualTo("zh-Hans");
    assertThat(languages.fidelity("yue").script()).isEqualTo("zh-Hant");
    assertThat(languages.fidelity("zh").isActive()).isFalse();
    assertThat(languages.fidelity("ja").isActive()).isFalse();
    assertThat(languages.fidelity("en").convert(SIMPLIFIED)).isEqualTo(SIMPLIFIED);
  }

  @Test
  void streaming_conversion_never_splits_a_surrogate_pair_wherever_the_text_is_cut() {
    for (String text : List.of(SIMPLIFIED, TRADITIONAL)) {
      for (ScriptFidelity fidelity : List.of(toTraditional, toSimplified)) {
        String whole = fidelity.convert(text);
        for (int cut = 0; cut <= text.length(); cut++) {
          List<String> pieces = inPieces(fidelity.stream(), text.substring(0, cut), text.substring(cut));

          assertThat(pieces).as("cut at %d", cut).allSatisfy(ScriptConversionTest::assertWellFormed);
          assertThat(String.join("", pieces)).as("cut at %d", cut).isEqualTo(whole);
        }
      }
    }
  }

  @Test
  void streaming_conversion_holds_nothing_but_a_trailing_high_surrogate() {
    ScriptStream stream = toTraditional.stream();
    String pair = "𫭼";

    assertThat(stream.convert("这" + pair.charAt(0))).isEqualTo("這");
    assertThat(stream.convert(pair.charAt(1) + "个")).isEqualTo("𡑍個");
    assertThat(stream.convert("\uD83D")).isEmpty();
    assertThat(stream.finish()).isEqualTo("\uD83D");
  }

  @Test
  void streaming_conversion_of_one_char_pieces_equals_the_whole() {
    ScriptStream stream = toTraditional.stream();
    StringBuilder out = new StringBuilder();
    for (char c : SIMPLIFIED.toCharArray()) {
      out.append(stream.convert(String.valueOf(c)));
    }
    out.append(stream.finish());

    assertThat(out.toString()).isEqualTo(TRADITIONAL);
  }

  private static List<String> inPieces(ScriptStream stream, String... pieces) {
    List<String> out = new ArrayList<>();
    for (String piece : pieces) {
      out.add(stream.convert(piece));
    }
    out.add(stream.finish());
    return out;
  }

  static void assertWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
            .as("high surrogate at %d of %s has its low half", i, text).isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d of %s", i, text).isFalse();
      }
    }
  }
}
