package com.mas.gateway.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tables read from ICU: the maps are ICU's, and the one-script sets exclude characters both scripts use. */
class HanScriptsTest {

  private static HanScripts han;

  @BeforeAll
  static void load() {
    han = HanScripts.load();
  }

  @Test
  void maps_each_character_as_icus_transliterators_do() {
    Transliterator toHant = Transliterator.getInstance("Hans-Hant");
    Transliterator toHans = Transliterator.getInstance("Hant-Hans");
    for (String c : new String[] {"这", "们", "发", "么", "𫭼", "说", "门"}) {
      assertThat(Character.toString(han.toTraditional.characters().map(c.codePointAt(0)))).isEqualTo(toHant.transliterate(c));
    }
    for (String c : new String[] {"這", "們", "髮", "麼", "𡑍", "說", "門"}) {
      assertThat(Character.toString(han.toSimplified.characters().map(c.codePointAt(0)))).isEqualTo(toHans.transliterate(c));
    }
    assertThat(han.toTraditional.characters().size()).isGreaterThan(2500);
    assertThat(han.toSimplified.characters().size()).isGreaterThan(2500);
  }

  @Test
  void leaves_characters_both_scripts_use_out_of_the_one_script_sets() {
    assertThat(han.simplifiedOnly.contains("这")).isTrue();
    assertThat(han.traditionalOnly.contains("這")).isTrue();
    // 后 becomes 後, 干 becomes 乾, but both are correct Traditional characters too
    assertThat(han.simplifiedOnly.containsNone("后干云")).isTrue();
    // 乾 and 著 are changed by Hant-Hans, but Simplified text uses them as well
    assertThat(han.traditionalOnly.containsNone("乾著")).isTrue();
  }

  @Test
  void japanese_only_kanji_are_neither_chinese_script() {
    assertThat(han.japaneseOnly.contains("駅")).isTrue();
    assertThat(han.japaneseOnly.contains("関")).isTrue();
    assertThat(new UnicodeSet(han.japaneseOnly).retainAll(han.traditionalOnly).isEmpty()).isTrue();
    assertThat(new UnicodeSet(han.japaneseOnly).retainAll(han.simplifiedOnly).isEmpty()).isTrue();
    assertThat(new UnicodeSet(han.simplifiedOnly).retainAll(han.traditionalOnly).isEmpty()).isTrue();
  }
}
