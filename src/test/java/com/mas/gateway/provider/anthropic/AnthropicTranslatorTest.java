package com.mas.gateway.provider.anthropic;

import static com.mas.gateway.provider.anthropic.ConformanceStreams.assertMatches;
import static com.mas.gateway.provider.anthropic.ConformanceStreams.assertUsage;
import static com.mas.gateway.provider.anthropic.ConformanceStreams.expected;
import static com.mas.gateway.provider.anthropic.ConformanceStreams.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.chat.Usage;
import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.testkit.ChatAssembler;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conformance transcripts of ../shared/conformance/anthropic (stream_*.sse, see its
 * README.md) fed through {@link com.mas.gateway.provider.SseFramer} and the translator: the
 * OpenAI result assembled from the chunks matches the transcript's {@code *.expected.json},
 * whatever the framing.
 */
class AnthropicTranslatorTest {

  static AnthropicTranslator translator(AnswerShape shape, boolean includeUsage) {
    return new AnthropicTranslator(Json.MAPPER, shape, includeUsage, new AnthropicErrors("anthropic", "sk-ant-secret"),
        "chatcmpl-req", "claude-fallback");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("com.mas.gateway.provider.anthropic.ConformanceStreams#complete")
  void assembles_the_expected_answer_from_each_transcript(String name) {
    AnthropicTranslator translator = translator(ConformanceStreams.shape(name), true);
    RecordingSink sink = RecordingSink.replay(translator, sse(name));

    assertThat(sink.failure).isNull();
    assertThat(sink.finished).isTrue();
    assertMatches(sink.assembled(), expected(name));
    assertUsage(sink.assembled(), expected(name));
    JsonObject usage = expected(name).getJsonObject("usage");
    Usage reported = translator.usage();
    assertThat(reported == null ? null : reported.completionTokens())
        .isEqualTo(usage == null ? null : usage.getLong("output_tokens"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("com.mas.gateway.provider.anthropic.ConformanceStreams#complete")
  void chunks_carry_the_message_id_and_model_and_open_with_the_role(String name) {
    RecordingSink sink = RecordingSink.replay(translator(ConformanceStreams.shape(name), false), sse(name));

    JsonObject first = new JsonObject(sink.payloads.get(0));
    assertThat(first.getString("id")).isEqualTo(expected(name).getString("id"));
    assertThat(first.getString("model")).isEqualTo(expected(name).getString("model"));
    assertThat(first.getString("object")).isEqualTo("chat.completion.chunk");
    assertThat(first.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("role"))
        .isEqualTo("assistant");
    assertThat(sink.payloads).filteredOn(p -> p.contains("\"role\"")).hasSize(1);
    assertThat(sink.payloads.get(sink.payloads.size() - 1)).isEqualTo("[DONE]");
    assertThat(sink.assembled().usage()).as("no usage chunk unless asked for").isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("com.mas.gateway.provider.anthropic.ConformanceStreams#complete")
  void each_chunk_says_what_it_carries_for_the_relay(String name) {
    RecordingSink sink = RecordingSink.replay(translator(ConformanceStreams.shape(name), true), sse(name));

    assertThat(sink.kinds).first().isEqualTo(ChunkKind.OPENING);
    assertThat(sink.kinds).filteredOn(ChunkKind.OPENING::equals).hasSize(1);
    assertThat(sink.kinds).last().isEqualTo(ChunkKind.DONE);
    assertThat(sink.kinds).contains(ChunkKind.FINISH);
    for (int i = 0; i < sink.payloads.size(); i++) {
      String payload = sink.payloads.get(i);
      boolean toolCall = payload.contains("\"tool_calls\":[");
      assertThat(sink.kinds.get(i) == ChunkKind.TOOL_CALL).as(payload).isEqualTo(toolCall);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("com.mas.gateway.provider.anthropic.ConformanceStreams#complete")
  void framing_does_not_change_the_answer(String name) {
    JsonObject whole = ConformanceStreams.view(
        RecordingSink.replay(translator(ConformanceStreams.shape(name), true), sse(name)).assembled());
    for (long seed = 1; seed <= 20; seed++) {
      byte[] split = sse(name).getBytes(StandardCharsets.UTF_8);
      byte[] crlf = ConformanceStreams.crlf(sse(name)).getBytes(StandardCharsets.UTF_8);
      for (byte[] bytes : new byte[][] {split, crlf}) {
        ChatAssembler pieces = RecordingSink.replay(translator(ConformanceStreams.shape(name), true), bytes,
            (int) (1 + seed % 9), seed).assembled();
        assertThat(ConformanceStreams.view(pieces)).as("seed %d", seed).isEqualTo(whole);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("com.mas.gateway.provider.anthropic.ConformanceStreams#failing")
  void an_error_event_after_text_fails_the_sink_as_retryable_overload(String name) {
    AnthropicTranslator translator = translator(AnswerShape.PLAIN, true);
    RecordingSink sink = RecordingSink.replay(translator, sse(name));

    assertMatches(sink.assembled(), expected(name));
    assertThat(translator.contentSent()).isTrue();
    assertThat(sink.finished).isFalse();
    assertThat(sink.failure.status()).isEqualTo(503);
    assertThat(sink.failure.code()).isEqualTo("upstream_overloaded");
    assertThat(sink.failure.retryable()).isTrue();
    assertThat(sink.failure.getMessage()).contains("Overloaded");
    assertThat(translator.usage()).isEqualTo(new Usage(25, 1, 0, 0, 0));
  }

  @ParameterizedTest(name = "CRLF and split: {0}")
  @ValueSource(strings = {"stream_error_overloaded", "stream_error_overloaded_observed"})
  void an_error_event_is_found_whatever_the_framing(String name) {
    byte[] bytes = ConformanceStreams.crlf(sse(name)).getBytes(StandardCharsets.UTF_8);
    RecordingSink sink = RecordingSink.replay(translator(AnswerShape.PLAIN, true), bytes, 5, 42);

    assertThat(sink.assembled().text()).isEqualTo("Hello");
    assertThat(sink.failure.code()).isEqualTo("upstream_overloaded");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"stream_thinking"})
  void thinking_stays_out_of_the_answer_without_opt_in(String name) {
    RecordingSink sink = RecordingSink.replay(translator(AnswerShape.PLAIN, true), sse(name));

    assertThat(sink.assembled().text()).isEqualTo(expected(name).getString("text"));
    assertThat(sink.assembled().reasoning()).isEmpty();
    assertThat(String.join("", sink.payloads)).doesNotContain("Let me solve").doesNotContain("EqQBCgIYAhIM");
  }
}
