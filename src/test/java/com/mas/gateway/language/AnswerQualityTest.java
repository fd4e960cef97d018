package com.mas.gateway.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.provider.ChunkEncoder;
import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.provider.ClientSink;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** The answer quality signals, watched on the events a translator writes. */
class AnswerQualityTest {

  private final Languages languages = Languages.shared();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ChunkEncoder encoder = new ChunkEncoder("chatcmpl-1", "deepseek-chat", 1L);

  @Test
  void measures_the_share_of_the_users_script_before_and_after_conversion() {
    AnswerQuality upstream = languages.quality("zh-Hant", "upstream", registry);
    AnswerQuality delivered = languages.quality("zh-Hant", "delivered", registry);
    RecordingSink client = new RecordingSink();
    ClientSink sink = upstream.tap(languages.fidelity("zh-Hant").wrap(delivered.tap(client)));

    sink.write(encoder.role(), ChunkKind.OPENING);
    sink.write(encoder.content("这款面霜"), ChunkKind.CONTENT);
    sink.write(encoder.content("适合干性皮肤，價格"), ChunkKind.CONTENT);
    sink.write(encoder.finish("stop"), ChunkKind.FINISH);
    sink.write(ChunkEncoder.done(), ChunkKind.DONE);
    sink.finish();

    // Simplified-only: 这 适 肤 (干 is a Traditional character too); Traditional-only: 價
    assertThat(upstream.scriptShare()).isEqualTo(0.25);
    assertThat(delivered.scriptShare()).isEqualTo(1.0);
    assertThat(summary("upstream").mean()).isEqualTo(0.25);
    assertThat(summary("delivered").count()).isEqualTo(1);
    assertThat(client.finished).isTrue();
    assertThat(client.events).hasSize(5);
  }

  @Test
  void records_whether_the_answer_is_in_the_questions_language() {
    AnswerQuality english = languages.quality("zh-Hans", "upstream", registry);
    AnswerQuality chinese = languages.quality("zh-Hant-TW", "upstream", registry);

    english.tap(new RecordingSink()).write(encoder.content("This cream suits dry skin very well."), ChunkKind.CONTENT);
    english.record();
    chinese.observeCompletion(Buffer.buffer("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"这款面霜很适合干性皮肤。\"}}]}"));

    assertThat(english.answerLanguage()).isEqualTo("en");
    assertThat(match("zh-Hans", "no")).isEqualTo(1);
    assertThat(match("zh-Hant", "yes")).isEqualTo(1);
  }

  @Test
  void records_once_and_skips_the_share_when_the_user_script_is_unknown() {
    AnswerQuality quality = languages.quality("en", "upstream", registry);
    ClientSink sink = quality.tap(new RecordingSink());

    sink.write(encoder.content("Sure, here it is."), ChunkKind.CONTENT);
    sink.finish();
    quality.record();

    assertThat(quality.scriptShare()).isNaN();
    assertThat(registry.find(LanguageMetrics.SCRIPT_SHARE).summary()).isNull();
    assertThat(match("en", "yes")).isEqualTo(1);
  }

  private DistributionSummary summary(String point) {
    return registry.get(LanguageMetrics.SCRIPT_SHARE).tag(LanguageMetrics.TAG_POINT, point).summary();
  }

  private double match(String language, String match) {
    return registry.get(LanguageMetrics.LANGUAGE_MATCH).tag(LanguageMetrics.TAG_LANGUAGE, language)
        .tag(LanguageMetrics.TAG_MATCH, match).counter().count();
  }
}
