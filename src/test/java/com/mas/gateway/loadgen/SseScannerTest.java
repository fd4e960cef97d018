package com.mas.gateway.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseScannerTest {
  private static final String ROLE =
      "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n";
  private static final String REASONING =
      "data: {\"choices\":[{\"delta\":{\"reasoning_content\":\"hmm\",\"content\":null}}]}\n\n";
  private static final String CONTENT =
      "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n";
  private static final String DONE = "data: [DONE]\n\n";

  @Test
  void stamps_the_first_content_event_not_the_role_event_at_any_chunk_split() {
    String stream = ROLE + REASONING + CONTENT + CONTENT + DONE;
    int firstContentEnd = (ROLE + REASONING + CONTENT).indexOf("\n", (ROLE + REASONING).length());
    for (int split = 1; split < stream.length(); split++) {
      SseScanner scanner = new SseScanner();
      scanner.feed(buffer(stream.substring(0, split)), 100);
      scanner.feed(buffer(stream.substring(split)), 200);

      assertThat(scanner.firstTokenNanos()).as("split at %d", split)
          .isEqualTo(split > firstContentEnd ? 100 : 200);
      assertThat(scanner.tokens()).as("split at %d", split).isEqualTo(2);
      assertThat(scanner.error()).as("split at %d", split).isNull();
    }
  }

  @Test
  void survives_one_byte_chunks_and_crlf_line_ends() {
    String stream = (ROLE + CONTENT + DONE).replace("\n", "\r\n");
    SseScanner scanner = new SseScanner();
    for (int i = 0; i < stream.length(); i++) {
      scanner.feed(buffer(stream.substring(i, i + 1)), i);
    }

    int contentLineEnd = stream.indexOf('\n', ROLE.replace("\n", "\r\n").length());
    assertThat(scanner.firstTokenNanos()).isEqualTo(contentLineEnd);
    assertThat(scanner.tokens()).isEqualTo(1);
    assertThat(scanner.error()).isNull();
  }

  @Test
  void counts_a_tool_call_delta_as_the_first_token_and_tolerates_blanks() {
    SseScanner scanner = new SseScanner();
    scanner.feed(buffer("data:{\"choices\":[{\"delta\":{\"tool_calls\": [{\"index\":0}]}}]}\n\n"), 7);
    scanner.feed(buffer("data: {\"choices\":[{\"delta\":{\"content\": \"x\"}}]}\n\n" + DONE), 9);

    assertThat(scanner.firstTokenNanos()).isEqualTo(7);
    assertThat(scanner.tokens()).isEqualTo(2);
  }

  @Test
  void ignores_null_tool_calls_and_empty_content() {
    SseScanner scanner = new SseScanner();
    scanner.feed(buffer("data: {\"choices\":[{\"delta\":{\"content\":\"\",\"tool_calls\":null}}]}\n\n" + DONE), 5);

    assertThat(scanner.firstTokenNanos()).isEqualTo(-1);
    assertThat(scanner.tokens()).isZero();
    assertThat(scanner.error()).isNull();
  }

  @Test
  void prefers_the_reported_completion_tokens_over_counted_events() {
    SseScanner scanner = new SseScanner();
    scanner.feed(buffer(CONTENT + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,"
        + "\"completion_tokens\":17,\"total_tokens\":26}}\n\n" + DONE), 1);

    assertThat(scanner.tokens()).isEqualTo(17);
  }

  @Test
  void reports_an_error_event_even_when_done_follows() {
    SseScanner scanner = new SseScanner();
    scanner.feed(buffer(CONTENT + "data: {\"error\":{\"message\":\"upstream broke\",\"type\":\"server_error\"}}\n\n" + DONE), 1);

    assertThat(scanner.error()).isEqualTo(ErrorKind.SSE_ERROR);
  }

  @Test
  void reports_a_stream_that_does_not_end_with_done() {
    SseScanner cut = new SseScanner();
    cut.feed(buffer(ROLE + CONTENT), 1);
    SseScanner unterminated = new SseScanner();
    unterminated.feed(buffer(ROLE + CONTENT + "data: [DONE]"), 1);
    SseScanner dataAfterDone = new SseScanner();
    dataAfterDone.feed(buffer(ROLE + DONE + CONTENT), 1);

    assertThat(cut.error()).isEqualTo(ErrorKind.MISSING_DONE);
    assertThat(unterminated.error()).isEqualTo(ErrorKind.MISSING_DONE);
    assertThat(dataAfterDone.error()).isEqualTo(ErrorKind.MISSING_DONE);
  }

  @Test
  void skips_an_oversized_line_and_keeps_framing() {
    SseScanner scanner = new SseScanner();
    String huge = "data: {\"pad\":\"" + "x".repeat(SseScanner.MAX_LINE_BYTES) + "\"}\n\n";
    scanner.feed(buffer(huge + CONTENT + DONE), 3);

    assertThat(scanner.error()).isEqualTo(ErrorKind.OVERSIZED_EVENT);
    assertThat(scanner.tokens()).isEqualTo(1);
    assertThat(scanner.firstTokenNanos()).isEqualTo(3);
  }

  @Test
  void reset_forgets_the_previous_stream() {
    SseScanner scanner = new SseScanner();
    scanner.feed(buffer(CONTENT + "data: {\"error\":{}}\n\npartial"), 1);

    scanner.reset();
    scanner.feed(buffer(ROLE + DONE), 2);

    assertThat(scanner.firstTokenNanos()).isEqualTo(-1);
    assertThat(scanner.tokens()).isZero();
    assertThat(scanner.error()).isNull();
  }

  private static Buffer buffer(String text) {
    return Buffer.buffer(text.getBytes(StandardCharsets.UTF_8));
  }
}
