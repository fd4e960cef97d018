package com.mas.gateway.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the detector reads a whole request: which turns, how much of them, and the close calls. */
class LanguageDetectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Languages languages = Languages.shared();

  @Test
  void reads_the_latest_user_turn_not_the_system_prompt_or_answers() {
    ObjectNode request = request("system", "You are a helpful assistant for an English cosmetics shop.",
        "user", "Do you have sunscreen?",
        "assistant", "Yes, we have several sunscreens.",
        "user", "請問這款防曬乳適合敏感肌嗎？");

    assertThat(languages.detect(request)).isEqualTo("zh-Hant");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a Chinese turn without a telling character takes its script from an earlier turn|這款精華液多少錢？|好的|zh-Hant",
      "a Chinese script is not taken from an earlier English turn|Do you ship to Taipei?|可以|zh",
      "a kanji-only reply after Japanese turns is Japanese|この美容液は敏感肌でも使えますか？|了解|ja",
      "a one-word turn takes the language of an earlier turn|我想退货，请问怎么操作？|ok 👍|zh-Hans",
      "a telling latest turn is not overruled by earlier ones|我想退货，请问怎么操作？|Sorry, can we continue in English please?|en",
      "a close call is settled by an earlier turn|我想买这瓶精华液|兰蔻蘭蔻|zh-Hans",
  })
  void earlier_turns_settle_only_a_latest_turn_too_short_to_tell(String behaviour, String earlier, String latest,
      String expected) {
    ObjectNode request = request("user", earlier, "assistant", "...", "user", latest);

    assertThat(languages.detect(request)).isEqualTo(expected);
  }

  @Test
  void chinese_turn_without_a_telling_character_and_no_earlier_one_is_plain_zh() {
    assertThat(languages.detect(request("user", "好的"))).isEqualTo("zh");
  }

  @Test
  void reads_the_text_parts_of_an_array_content() {
    ObjectNode request = request();
    ArrayNode parts = ((ArrayNode) request.get("messages")).addObject().put("role", "user").putArray("content");
    parts.addObject().put("type", "image_url").putObject("image_url").put("url", "https://example.com/a.png");
    parts.addObject().put("type", "text").put("text", "這是什麼產品？");

    assertThat(languages.detect(request)).isEqualTo("zh-Hant");
  }

  @Test
  void reads_only_the_first_4096_chars() {
    String english = "please tell me more about it ".repeat(200).substring(0, LanguageDetector.MAX_CHARS);
    ObjectNode request = request("user", english + "这个面霜怎么用这个面霜怎么用这个面霜怎么用".repeat(200));

    assertThat(languages.detect(request)).isEqualTo("en");
  }

  @Test
  void request_without_a_user_turn_is_undetermined() {
    assertThat(languages.detect(request("system", "你是一个客服助手"))).isEqualTo("und");
  }

  @Test
  void emoji_and_digits_alone_are_undetermined() {
    assertThat(languages.detect("🙏🙏 12345 !!")).isEqualTo("und");
  }

  @Test
  void clear_majority_of_script_specific_characters_decides_mixed_text() {
    // 请问 (Simplified) in an otherwise Traditional sentence: 請 is not there, the rest is Traditional
    assertThat(languages.detect("请问這個價錢還有優惠嗎")).isEqualTo("zh-Hant");
    assertThat(languages.detect("請问这个价钱还有优惠吗")).isEqualTo("zh-Hans");
  }

  @Test
  void close_call_between_scripts_is_traditional() {
    assertThat(Verdicts.chineseScript(3, 2)).isEqualTo(new Verdicts.Verdict("zh-Hant", false));
    assertThat(Verdicts.chineseScript(2, 3)).isEqualTo(new Verdicts.Verdict("zh-Hant", false));
    assertThat(Verdicts.chineseScript(1, 1)).isEqualTo(new Verdicts.Verdict("zh-Hant", false));
    assertThat(Verdicts.chineseScript(2, 1)).isEqualTo(new Verdicts.Verdict("zh-Hans", true));
    assertThat(Verdicts.chineseScript(0, 1)).isEqualTo(new Verdicts.Verdict("zh-Hant", true));
  }

  @Test
  void english_question_quoting_a_chinese_product_name_is_english() {
    assertThat(languages.detect("what is 神仙水 and does it work?")).isEqualTo("en");
  }

  @Test
  void chinese_question_naming_english_products_is_chinese() {
    assertThat(languages.detect("SK-II Facial Treatment Essence 和 Lancôme Advanced Génifique 哪个好")).isEqualTo("zh-Hans");
  }

  @Test
  void latin_and_cyrillic_languages_are_told_apart_by_the_letters_only_they_use() {
    assertThat(languages.detect("¿Dónde está mi pedido? Lo compré hace una semana, señor.")).isEqualTo("es");
    assertThat(languages.detect("Gdzie jest moja paczka? Zamówiłam ją tydzień temu.")).isEqualTo("pl");
    assertThat(languages.detect("Де моє замовлення? Я його оплатила тиждень тому.")).isEqualTo("uk");
    assertThat(languages.detect("Где мой заказ? Я оплатила его неделю назад.")).isEqualTo("ru");
  }

  private static ObjectNode request(String... roleAndContent) {
    ObjectNode request = JSON.createObjectNode().put("model", "m");
    ArrayNode messages = request.putArray("messages");
    for (int i = 0; i < roleAndContent.length; i += 2) {
      messages.addObject().put("role", roleAndContent[i]).put("content", roleAndContent[i + 1]);
    }
    return request;
  }
}
