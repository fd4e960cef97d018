package com.mas.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedAnswerTest {

  @Test
  void same_seed_language_and_count_give_the_same_tokens() {
    assertThat(SimulatedAnswer.tokens(42, AnswerLanguage.ENGLISH, 50))
        .isEqualTo(SimulatedAnswer.tokens(42, AnswerLanguage.ENGLISH, 50))
        .hasSize(50);
  }

  @Test
  void a_shorter_answer_is_a_prefix_of_a_longer_one() {
    assertThat(SimulatedAnswer.tokens(7, AnswerLanguage.ENGLISH, 100))
        .startsWith(SimulatedAnswer.tokens(7, AnswerLanguage.ENGLISH, 30).toArray(String[]::new));
  }

  @Test
  void different_seeds_give_different_answers() {
    assertThat(SimulatedAnswer.text(1, AnswerLanguage.ENGLISH, 40))
        .isNotEqualTo(SimulatedAnswer.text(2, AnswerLanguage.ENGLISH, 40));
  }

  @Test
  void english_tokens_are_words_with_a_leading_space_except_the_first() {
    List<String> tokens = SimulatedAnswer.tokens(3, AnswerLanguage.ENGLISH, 200);

    assertThat(tokens.get(0)).matches("[A-Z][a-z]+");
    assertThat(tokens.subList(1, tokens.size()))
        .allSatisfy(token -> assertThat(token).matches(" [A-Za-z]+|[,.!]"));
    assertThat(tokens).as("some punctuation").anyMatch(token -> token.matches("[,.!]"));
  }

  @Test
  void chinese_tokens_are_one_to_three_han_characters_or_punctuation() {
    for (AnswerLanguage language :
        List.of(AnswerLanguage.SIMPLIFIED_CHINESE, AnswerLanguage.TRADITIONAL_CHINESE)) {
      List<String> tokens = SimulatedAnswer.tokens(5, language, 200);

      assertThat(tokens).allSatisfy(token -> assertThat(token).matches("\\p{IsHan}{1,3}|[，。！]"));
      assertThat(tokens).anyMatch(token -> token.matches("[，。！]"));
    }
  }

  @Test
  void simplified_and_traditional_answers_use_different_scripts() {
    List<String> simplified = SimulatedAnswer.tokens(9, AnswerLanguage.SIMPLIFIED_CHINESE, 100);
    List<String> traditional = SimulatedAnswer.tokens(9, AnswerLanguage.TRADITIONAL_CHINESE, 100);

    for (int i = 0; i < simplified.size(); i++) {
      if (!simplified.get(i).matches("[，。！]")) {
        assertThat(traditional.get(i)).as("token %d", i).isNotEqualTo(simplified.get(i));
      }
    }
    assertThat(String.join("", simplified)).doesNotContain("這", "產", "膚");
  }

  @Test
  void word_lists_are_aligned_and_differ_entry_by_entry() {
    assertThat(AnswerWords.SIMPLIFIED).hasSameSizeAs(AnswerWords.TRADITIONAL);
    for (int i = 0; i < AnswerWords.SIMPLIFIED.size(); i++) {
      assertThat(AnswerWords.TRADITIONAL.get(i)).isNotEqualTo(AnswerWords.SIMPLIFIED.get(i));
    }
  }

  @Test
  void text_joins_the_tokens() {
    assertThat(SimulatedAnswer.text(11, AnswerLanguage.ENGLISH, 20))
        .isEqualTo(String.join("", SimulatedAnswer.tokens(11, AnswerLanguage.ENGLISH, 20)));
  }

  @Test
  void padding_repeats_a_token_to_at_least_the_asked_bytes() {
    String padded = SimulatedAnswer.padded(" skin", 1000);

    assertThat(padded.getBytes(StandardCharsets.UTF_8).length).isBetween(1000, 1004);
    assertThat(padded).startsWith(" skin skin");
    assertThat(SimulatedAnswer.padded(" skin", 0)).isEqualTo(" skin");
  }

  @Test
  void rejects_a_negative_count() {
    assertThatThrownBy(() -> SimulatedAnswer.tokens(1, AnswerLanguage.ENGLISH, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parses_language_tags() {
    assertThat(AnswerLanguage.parse("en")).isEqualTo(AnswerLanguage.ENGLISH);
    assertThat(AnswerLanguage.parse("zh-Hans")).isEqualTo(AnswerLanguage.SIMPLIFIED_CHINESE);
    assertThat(AnswerLanguage.parse("ZH_hant")).isEqualTo(AnswerLanguage.TRADITIONAL_CHINESE);
    assertThatThrownBy(() -> AnswerLanguage.parse("fr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fr");
  }
}
