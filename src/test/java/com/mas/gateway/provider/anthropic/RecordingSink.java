package com.mas.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.provider.ClientSink;
import com.mas.gateway.provider.ResponseTranslator;
import com.mas.gateway.provider.SseFramer;
import com.mas.gateway.testkit.ChatAssembler;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A {@link ClientSink} that records what a translator sends, and a driver that feeds an upstream
 * SSE body through {@link SseFramer} into a translator, whole or split into pieces.
 */
final class RecordingSink implements ClientSink {

  /** The kind of each event written, in order. */
  final List<ChunkKind> kinds = new ArrayList<>();

  final List<String> payloads = new ArrayList<>();
  boolean finished;
  GatewayException failure;

  /** Feeds {@code sse} in one chunk, ends the body, and returns what the client got. */
  static RecordingSink replay(ResponseTranslator translator, String sse) {
    return replay(translator, sse.getBytes(StandardCharsets.UTF_8), 0, 0);
  }

  /**
   * Feeds {@code sse} split into pieces of 1..{@code maxPiece} bytes (0: one piece), chosen by a
   * random generator seeded with {@code seed}, so cuts fall inside lines and UTF-8 characters.
   */
  static RecordingSink replay(ResponseTranslator translator, byte[] sse, int maxPiece, long seed) {
    RecordingSink sink = new RecordingSink();
    SseFramer framer = new SseFramer(1 << 20, event -> translator.onEvent(event, sink));
    Random random = new Random(seed);
    int offset = 0;
    while (offset < sse.length) {
      int end = maxPiece <= 0 ? sse.length : Math.min(sse.length, offset + 1 + random.nextInt(maxPiece));
      framer.handle(Buffer.buffer(Arrays.copyOfRange(sse, offset, end)));
      offset = end;
    }
    if (!sink.finished && sink.failure == null) {
      translator.onEnd(sink);
    }
    return sink;
  }

  @Override
  public void write(Buffer event, ChunkKind kind) {
    kinds.add(kind);
    record(event);
  }

  @Override
  public void writeToolCall(Buffer event, int index) {
    kinds.add(ChunkKind.TOOL_CALL);
    record(event);
  }

  private void record(Buffer event) {
    assertThat(finished).as("write after finish").isFalse();
    assertThat(failure).as("write after fail").isNull();
    String text = event.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("data: ").endsWith("\n\n");
    payloads.add(text.substring("data: ".length(), text.length() - 2));
  }

  @Override
  public void finish() {
    finished = true;
  }

  @Override
  public void fail(GatewayException error) {
    assertThat(finished).as("fail after finish").isFalse();
    failure = error;
  }

  ChatAssembler assembled() {
    return ChatAssembler.ofEvents(payloads);
  }
}
