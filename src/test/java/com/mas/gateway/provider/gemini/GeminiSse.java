package com.mas.gateway.provider.gemini;

import com.mas.gateway.provider.SseFramer;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Gemini streams for tests: hand-written ones in the recorded shape (each event
 * {@code data: <GenerateContentResponse>} and a blank line, CRLF; README "Streaming wire
 * format"), and replays of any stream through {@link SseFramer} and a translator.
 */
final class GeminiSse {

  static final String MODEL = "gemini-2.5-flash";
  static final long CREATED = 1_700_000_000L;
  static final String CALL_PREFIX = "call_test_";

  private GeminiSse() {}

  /** The CRLF-framed stream of {@code chunks}, each one JSON object. */
  static String of(String... chunks) {
    StringBuilder sse = new StringBuilder();
    for (String chunk : chunks) {
      sse.append("data: ").append(chunk).append("\r\n\r\n");
    }
    return sse.toString();
  }

  /** A chunk with one text part and, when {@code finishReason} is not null, that finish reason. */
  static String text(String text, String finishReason) {
    return "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"" + text + "\"}],\"role\": \"model\"}"
        + (finishReason == null ? "" : ",\"finishReason\": \"" + finishReason + "\"") + ",\"index\": 0}],"
        + "\"usageMetadata\": {\"promptTokenCount\": 5,\"candidatesTokenCount\": 3,\"totalTokenCount\": 8},"
        + "\"modelVersion\": \"" + MODEL + "\"}";
  }

  static GeminiStreamTranslator translator(boolean includeUsage, boolean reasoning) {
    return new GeminiStreamTranslator("chatcmpl-1", MODEL, CREATED, includeUsage, reasoning,
        new GeminiErrors("gemini", "sk-upstream-secret-0123456789"), CALL_PREFIX);
  }

  /** Runs {@code sse} through a framer and {@code translator}, cut into pieces at {@code cuts}. */
  static RecordingSink replay(byte[] sse, GeminiStreamTranslator translator, int... cuts) {
    RecordingSink sink = new RecordingSink();
    SseFramer framer = new SseFramer(1 << 20, event -> translator.onEvent(event, sink));
    int from = 0;
    for (int cut : cuts) {
      framer.handle(Buffer.buffer(Arrays.copyOfRange(sse, from, cut)));
      from = cut;
    }
    framer.handle(Buffer.buffer(Arrays.copyOfRange(sse, from, sse.length)));
    translator.onEnd(sink);
    return sink;
  }

  static RecordingSink replay(String sse, boolean includeUsage, boolean reasoning) {
    return replay(sse.getBytes(StandardCharsets.UTF_8), translator(includeUsage, reasoning));
  }
}
