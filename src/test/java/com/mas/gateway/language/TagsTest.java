package com.mas.gateway.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mas.gateway.api.GatewayException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Client tags: checked, put in canonical case, read for their script, and bounded as metric labels. */
class TagsTest {

  @Test
  void puts_a_well_formed_tag_in_canonical_case() {
    assertThat(Tags.parse("zh-hant-tw", "X-Language")).isEqualTo("zh-Hant-TW");
    assertThat(Tags.parse(" ZH_hans ", "X-Language")).isEqualTo("zh-Hans");
    assertThat(Tags.parse("en", "X-Language")).isEqualTo("en");
    assertThat(Tags.parse("und", "X-Language")).isEqualTo("und");
  }

  @ParameterizedTest
  @ValueSource(strings = {"chinese please", "zh--Hant", "x", "12", "zh-Hant-TW-toolongsubtag", "", "中文",
      "en-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void refuses_what_is_not_a_language_tag_naming_the_param(String value) {
    assertThatThrownBy(() -> Tags.parse(value, "metadata.language"))
        .isInstanceOfSatisfying(GatewayException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.type()).isEqualTo("invalid_request_error");
          assertThat(e.param()).isEqualTo("metadata.language");
        });
  }

  @Test
  void reads_the_chinese_script_a_tag_implies() {
    assertThat(Tags.chineseScript("zh-Hant-HK")).isEqualTo("zh-Hant");
    assertThat(Tags.chineseScript("zh-HK")).isEqualTo("zh-Hant");
    assertThat(Tags.chineseScript("zh-SG")).isEqualTo("zh-Hans");
    assertThat(Tags.chineseScript("yue")).isEqualTo("zh-Hant");
    assertThat(Tags.chineseScript("zh")).isNull();
    assertThat(Tags.chineseScript("ja")).isNull();
    assertThat(Tags.chineseScript("en-GB")).isNull();
    assertThat(Tags.chineseScript("ZH-tw")).isEqualTo("zh-Hant");
    assertThat(Tags.chineseScript("fil-PH")).isNull();
    assertThat(Tags.chineseScript("i-default")).isNull();
    assertThat(Tags.chineseScript(null)).isNull();
  }

  @Test
  void metric_labels_stay_among_the_tags_the_detector_produces() {
    LanguageMetrics metrics = Languages.shared().stage(new SimpleMeterRegistry()).metrics();

    assertThat(metrics.label("zh-Hant")).isEqualTo("zh-Hant");
    assertThat(metrics.label("zh-Hant-TW")).isEqualTo("zh-Hant");
    assertThat(metrics.label("de-CH")).isEqualTo("de");
    assertThat(metrics.label("th")).isEqualTo("th");
    assertThat(metrics.label("tlh-Latn-x-klingon")).isEqualTo("other");
  }
}
