package com.mas.gateway.loadgen;

import io.vertx.core.buffer.Buffer;

/**
 * Watches the bytes of one chat-completions SSE stream without parsing its JSON: frames lines,
 * notes when the first content (or tool call) event arrives, counts content events, and checks
 * for error events and the final {@code data: [DONE]}.
 *
 * <p>Not thread-safe: fed on the response's context, one stream at a time ({@link #reset}
 * between streams). A line is
 * analysed when its {@code \n} arrives (a trailing {@code \r} is dropped), so an unterminated
 * last line is ignored, as an SSE client would (WHATWG HTML, "event stream interpretation").
 */
final class SseScanner {
  /** Longest SSE line kept; longer lines are skipped and reported as oversized. */
  static final int MAX_LINE_BYTES = 1 << 20;

  private static final byte[] DATA = JsonBytes.ascii("data:");
  private static final byte[] DONE = JsonBytes.ascii("[DONE]");
  private static final byte[] ERROR_FIELD = JsonBytes.ascii("\"error\"");
  // Matched right after an opening quote, so "reasoning_content" is not mistaken for "content".
  private static final byte[] CONTENT = JsonBytes.ascii("content\":");
  private static final byte[] TOOL_CALLS = JsonBytes.ascii("tool_calls\":");
  private static final byte[] COMPLETION_TOKENS = JsonBytes.ascii("completion_tokens\":");

  private byte[] chunk = new byte[8192];
  private byte[] line = new byte[1024];
  private int lineLength;
  private boolean skippingLine;
  private long firstTokenNanos = -1;
  private long contentEvents;
  private long reportedTokens = -1;
  private boolean errorEvent;
  private boolean endedWithDone;
  private boolean oversized;

  /** Forgets the previous stream, keeping the buffers, before the next one. */
  void reset() {
    lineLength = 0;
    skippingLine = false;
    firstTokenNanos = -1;
    contentEvents = 0;
    reportedTokens = -1;
    errorEvent = false;
    endedWithDone = false;
    oversized = false;
  }

  /** Feeds the next chunk of the body, received at {@code nowNanos}. */
  void feed(Buffer data, long nowNanos) {
    int length = data.length();
    if (chunk.length < length) {
      chunk = new byte[Math.max(length, chunk.length * 2)];
    }
    data.getBytes(0, length, chunk, 0);
    int from = 0;
    for (int i = 0; i < length; i++) {
      if (chunk[i] == '\n') {
        append(from, i);
        endLine(nowNanos);
        from = i + 1;
      }
    }
    append(from, length);
  }

  /** {@link System#nanoTime()} when the first content event arrived, or {@code -1}. */
  long firstTokenNanos() {
    return firstTokenNanos;
  }

  /** {@code usage.completion_tokens} if the stream reported it, else the content events seen. */
  long tokens() {
    return reportedTokens >= 0 ? reportedTokens : contentEvents;
  }

  /** Why the stream, as received so far, counts as failed; {@code null} if it is complete. */
  ErrorKind error() {
    if (errorEvent) {
      return ErrorKind.SSE_ERROR;
    }
    if (!endedWithDone) {
      return ErrorKind.MISSING_DONE;
    }
    return oversized ? ErrorKind.OVERSIZED_EVENT : null;
  }

  private void append(int from, int to) {
    int count = to - from;
    if (count == 0 || skippingLine) {
      return;
    }
    if (lineLength + count > MAX_LINE_BYTES) {
      skippingLine = true;
      oversized = true;
      return;
    }
    if (lineLength + count > line.length) {
      byte[] grown = new byte[Math.min(MAX_LINE_BYTES, Math.max(lineLength + count, line.length * 2))];
      System.arraycopy(line, 0, grown, 0, lineLength);
      line = grown;
    }
    System.arraycopy(chunk, from, line, lineLength, count);
    lineLength += count;
  }

  private void endLine(long nowNanos) {
    if (!skippingLine) {
      int end = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
      if (JsonBytes.startsWith(line, 0, end, DATA)) {
        int from = DATA.length;
        onData(from < end && line[from] == ' ' ? from + 1 : from, end, nowNanos);
      }
    }
    lineLength = 0;
    skippingLine = false;
  }

  private void onData(int from, int to, long nowNanos) {
    if (to - from == DONE.length && JsonBytes.startsWith(line, from, to, DONE)) {
      endedWithDone = true;
      return;
    }
    endedWithDone = false;
    if (isErrorEvent(from, to)) {
      errorEvent = true;
    } else if (scanFields(from, to) && firstTokenNanos < 0) {
      firstTokenNanos = nowNanos;
    }
  }

  private boolean isErrorEvent(int from, int to) {
    int at = JsonBytes.skipBlanks(line, from, to);
    if (at >= to || line[at] != '{') {
      return false;
    }
    return JsonBytes.startsWith(line, JsonBytes.skipBlanks(line, at + 1, to), to, ERROR_FIELD);
  }

  /** One pass over the event's quotes; returns whether it carries content or tool calls. */
  private boolean scanFields(int from, int to) {
    boolean carriesToken = false;
    for (int i = from; i < to; i++) {
      if (line[i] != '"') {
        continue;
      }
      if (JsonBytes.startsWith(line, i + 1, to, CONTENT)) {
        carriesToken |= startsNonEmptyString(i + 1 + CONTENT.length, to);
      } else if (JsonBytes.startsWith(line, i + 1, to, TOOL_CALLS)) {
        carriesToken |= startsArray(i + 1 + TOOL_CALLS.length, to);
      } else if (JsonBytes.startsWith(line, i + 1, to, COMPLETION_TOKENS)) {
        reportedTokens = JsonBytes.readLong(line, i + 1 + COMPLETION_TOKENS.length, to);
      }
    }
    if (carriesToken) {
      contentEvents++;
    }
    return carriesToken;
  }

  private boolean startsArray(int from, int to) {
    int at = JsonBytes.skipBlanks(line, from, to);
    return at < to && line[at] == '[';
  }

  private boolean startsNonEmptyString(int from, int to) {
    int at = JsonBytes.skipBlanks(line, from, to);
    return at + 1 < to && line[at] == '"' && line[at + 1] != '"';
  }
}
