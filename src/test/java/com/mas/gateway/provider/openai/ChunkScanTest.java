package com.mas.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.testkit.Conformance;
import com.mas.gateway.testkit.Transcripts;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChunkScanTest {

  private static ChunkScan scan(String json) {
    return ChunkScan.of(json.getBytes(StandardCharsets.UTF_8));
  }

  static Stream<String> recordedChunks() {
    return Stream.of("openai/stream_with_usage.sse", "openai/stream_parallel_tool_calls.sse",
            "deepseek/stream_text.sse", "deepseek/stream_reasoner.sse", "deepseek/stream_tool_call.sse")
        .flatMap(file -> Transcripts.payloads(Conformance.text(file)).stream())
        .filter(payload -> !"[DONE]".equals(payload));
  }

  @ParameterizedTest
  @MethodSource("recordedChunks")
  void accepts_every_recorded_chunk(String chunk) {
    assertThat(scan(chunk).malformed()).isFalse();
  }

  @Test
  void finds_top_level_usage_and_empty_choices() {
    String chunk = "{\"id\":\"c\",\"choices\":[ ],\"usage\":{\"prompt_tokens\":14,\"completion_tokens\":30}}";
    ChunkScan scan = scan(chunk);

    assertThat(scan.emptyChoices()).isTrue();
    assertThat(chunk.substring(scan.usageStart(), scan.usageEnd()))
        .isEqualTo("{\"prompt_tokens\":14,\"completion_tokens\":30}");
  }

  @Test
  void ignores_usage_inside_content_or_nested_objects() {
    ChunkScan scan = scan("{\"choices\":[{\"delta\":{\"content\":\"\\\"usage\\\":{}\",\"usage\":{\"x\":1}}}],\"usage\":null}");

    assertThat(scan.hasUsage()).isFalse();
    assertThat(scan.emptyChoices()).isFalse();
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"finish_reason\":null}]}|OPENING",
      "{\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":{\"content\":[]},\"finish_reason\":null}]}|OPENING",
      "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" today\"},\"finish_reason\":null}]}|CONTENT",
      "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"hm\"},\"finish_reason\":null}]}|CONTENT",
      "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1}]},\"finish_reason\":null}]}|TOOL_CALL",
      "{\"choices\":[{\"index\":0,\"delta\":{\"content\":null,\"tool_calls\":[]},\"finish_reason\":\"stop\"}]}|FINISH",
      "{\"choices\":[],\"usage\":{\"prompt_tokens\":3}}|USAGE",
      "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3}}|USAGE",
      "{\"error\":{\"message\":\"m\"}}|ERROR",
      "{\"error\":\"text\",\"choices\":[]}|OPENING"})
  void tells_what_an_event_carries(String chunk, ChunkKind kind) {
    assertThat(scan(chunk).kind()).isEqualTo(kind);
  }

  @Test
  void finds_an_error_object() {
    assertThat(scan("{\"error\":{\"message\":\"m\",\"type\":\"server_error\",\"param\":null,\"code\":null}}").hasError())
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"id\":\"chatcmpl-broken\",\"choices\":[{\"delta\":{\"content\":",
      "{\"a\":\"unterminated}",
      "{\"a\":[1,2}",
      "{\"a\":1}}",
      "{\"a\":1} trailing",
      "[1,2]",
      "",
      "{\"a\" 1}",
      "{\"a\":\"tab\there\"}",
      "{\"a\":1,}",
  })
  void rejects_malformed_json(String json) {
    assertThat(scan(json).malformed()).isTrue();
  }

  @Test
  void rejects_bytes_utf8_never_uses() {
    assertThat(ChunkScan.of(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'}).malformed()).isTrue();
  }

  @Test
  void accepts_multibyte_text_and_escapes() {
    assertThat(scan("{\"c\":\"这个产品 \\u4e2d \\\" \\\\ 😊\",\"n\":-1.5e3,\"t\":true,\"z\":null}").malformed()).isFalse();
  }
}
