package com.mas.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseFramerTest {

  private final List<SseEvent> events = new ArrayList<>();
  private final SseFramer framer = new SseFramer(64, events::add);

  @Test
  void frames_lf_and_crlf_events_byte_by_byte_including_multibyte_characters() {
    byte[] wire = "data: 你好\n\nevent: ping\r\ndata: {\"a\":1}\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    for (byte b : wire) {
      framer.handle(Buffer.buffer(new byte[] {b}));
    }

    assertThat(events).extracting(e -> e.data().toString()).containsExactly("你好", "{\"a\":1}");
    assertThat(events).extracting(SseEvent::name).containsExactly(null, "ping");
  }

  @Test
  void skips_comments_and_counts_them() {
    framer.handle(Buffer.buffer(": keep-alive\n\n: keep-alive\n\ndata: x\n\n"));

    assertThat(events).extracting(e -> e.data().toString()).containsExactly("x");
    assertThat(framer.comments()).isEqualTo(2);
  }

  @Test
  void joins_multi_line_data_with_lf_and_keeps_value_without_space() {
    framer.handle(Buffer.buffer("data:one\ndata: two\n\n"));

    assertThat(events.get(0).data().toString()).isEqualTo("one\ntwo");
  }

  @Test
  void does_not_deliver_an_event_without_its_blank_line() {
    framer.handle(Buffer.buffer("data: partial\n"));

    assertThat(events).isEmpty();
  }

  @Test
  void recognises_done() {
    framer.handle(Buffer.buffer("data: [DONE]\n\n"));

    assertThat(events.get(0).isDone()).isTrue();
  }

  @Test
  void refuses_an_event_over_the_bound() {
    assertThatThrownBy(() -> framer.handle(Buffer.buffer("data: " + "x".repeat(40) + "\ndata: " + "y".repeat(40) + "\n")))
        .isInstanceOf(SseFramer.EventTooLargeException.class);
    assertThatThrownBy(() -> new SseFramer(64, e -> {}).handle(Buffer.buffer("data: " + "z".repeat(100))))
        .isInstanceOf(SseFramer.EventTooLargeException.class);
  }

  @Test
  void refuses_a_line_left_open_over_the_bound_across_chunks() {
    SseFramer small = new SseFramer(64, events::add);
    small.handle(Buffer.buffer("data: " + "a".repeat(50)));

    assertThatThrownBy(() -> small.handle(Buffer.buffer("b".repeat(20))))
        .isInstanceOf(SseFramer.EventTooLargeException.class);
  }

  @Test
  void an_event_cut_anywhere_between_chunks_is_the_same_event() {
    String wire = "event: delta\ndata: {\"x\":\"一二三\"}\n\n: keep-alive\r\ndata: a\r\ndata: b\r\n\r\n";
    byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
    for (int cut = 0; cut <= bytes.length; cut++) {
      events.clear();
      SseFramer cutFramer = new SseFramer(64, events::add);
      cutFramer.handle(Buffer.buffer(Arrays.copyOfRange(bytes, 0, cut)));
      cutFramer.handle(Buffer.buffer(Arrays.copyOfRange(bytes, cut, bytes.length)));

      assertThat(events).as("cut at %d", cut).extracting(e -> e.data().toString())
          .containsExactly("{\"x\":\"一二三\"}", "a\nb");
      assertThat(events).extracting(SseEvent::name).containsExactly("delta", null);
    }
  }
}
