package com.mas.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a continuation repeats of the partial answer is trimmed; what only looks repeated is kept. */
class SeamTest {

  @Test
  void a_repeated_last_word_is_dropped_once_the_overlap_is_known() {
    Seam seam = new Seam("Apply the serum to dry", false);

    assertThat(seam.feed(" dry")).isEmpty();
    assertThat(seam.decided()).isTrue();
    assertThat(seam.feed(" skin")).isEqualTo(" skin");
    assertThat(seam.feed(" daily.")).isEqualTo(" daily.");
  }

  @Test
  void a_continuation_that_repeats_nothing_goes_out_at_once() {
    Seam seam = new Seam("Apply the serum", false);

    assertThat(seam.feed(" twice")).isEqualTo(" twice");
    assertThat(seam.decided()).isTrue();
  }

  @Test
  void letters_that_only_end_a_word_are_not_a_repeat() {
    Seam seam = new Seam("Apply the", false);

    assertThat(seam.feed("e serum")).isEqualTo("e serum");
  }

  @Test
  void a_restarted_sentence_is_dropped() {
    Seam seam = new Seam("Our toner is gentle. It soothes", false);

    assertThat(seam.feed(" It")).isEmpty();
    assertThat(seam.feed(" soothes")).isEmpty();
    assertThat(seam.feed(" redness")).isEqualTo(" redness");
  }

  @Test
  void chinese_has_no_spaces_and_every_character_is_a_boundary() {
    Seam seam = new Seam("这款面霜适合干性", false);

    assertThat(seam.feed("干性")).isEmpty();
    assertThat(seam.feed("肌肤")).isEqualTo("肌肤");
  }

  @Test
  void what_is_held_when_something_else_arrives_goes_out_less_the_overlap() {
    Seam seam = new Seam("gentle and", false);

    assertThat(seam.feed(" a")).isEmpty(); // " and" could follow
    assertThat(seam.flush()).isEqualTo(" a");
  }

  @Test
  void a_prefilled_continuation_is_trimmed_of_repeated_whitespace_only() {
    Seam seam = new Seam("价格价格 ", true);

    assertThat(seam.feed(" 价格")).isEqualTo("价格");
  }
}
