package com.mas.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.testkit.Conformance;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Framing must not matter: every Gemini stream, cut in two at every byte boundary (inside
 * lines, inside multi-byte characters, between CR and LF) and with LF-only line ends, gives
 * exactly the events of the uncut stream. Streams: the recorded ones of
 * ../shared/conformance/gemini (CRLF) and a hand-written one with Chinese text and an emoji.
 */
class GeminiFramingTest {

  private static final String MULTI_BYTE = GeminiSse.of(GeminiSse.text("你好，世界", null),
      GeminiSse.text(" 🌍 再见", "STOP"));

  static Stream<String> streams() {
    return Stream.of("stream_text", "stream_thinking", "stream_function_call", "stream_error_midstream",
        "multi_byte");
  }

  private static String stream(String name) {
    return "multi_byte".equals(name) ? MULTI_BYTE : Conformance.text("gemini/" + name + ".sse");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void every_two_piece_split_gives_the_same_events(String name) {
    byte[] sse = stream(name).getBytes(StandardCharsets.UTF_8);
    RecordingSink whole = GeminiSse.replay(sse, GeminiSse.translator(true, true));

    for (int cut = 1; cut < sse.length; cut++) {
      RecordingSink split = GeminiSse.replay(sse, GeminiSse.translator(true, true), cut);
      assertSame(split, whole, name + " cut at " + cut);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void lf_line_ends_and_one_byte_pieces_give_the_same_events(String name) {
    String crlf = stream(name);
    RecordingSink whole = GeminiSse.replay(crlf.getBytes(StandardCharsets.UTF_8), GeminiSse.translator(true, true));
    byte[] lf = crlf.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    int[] everyByte = new int[lf.length - 1];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = i + 1;
    }

    assertSame(GeminiSse.replay(lf, GeminiSse.translator(true, true)), whole, name + " with LF");
    assertSame(GeminiSse.replay(lf, GeminiSse.translator(true, true), everyByte), whole, name + " LF byte by byte");
  }

  @Test
  void multi_byte_text_survives_byte_by_byte_framing() {
    byte[] sse = MULTI_BYTE.getBytes(StandardCharsets.UTF_8);
    int[] everyByte = new int[sse.length - 1];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = i + 1;
    }

    assertThat(GeminiSse.replay(sse, GeminiSse.translator(false, false), everyByte).assembled().text())
        .isEqualTo("你好，世界 🌍 再见");
  }

  private static void assertSame(RecordingSink actual, RecordingSink expected, String what) {
    assertThat(actual.payloads()).as(what).isEqualTo(expected.payloads());
    assertThat(actual.finished()).as(what).isEqualTo(expected.finished());
    assertThat(actual.failure() == null ? null : actual.failure().code()).as(what)
        .isEqualTo(expected.failure() == null ? null : expected.failure().code());
  }
}
