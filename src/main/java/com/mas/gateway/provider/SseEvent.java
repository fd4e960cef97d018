package com.mas.gateway.provider;

import io.vertx.core.buffer.Buffer;

/**
 * One Server-Sent Event as received from an upstream: its {@code event:} name (null when
 * absent) and its data, the {@code data:} lines joined with LF, exactly as sent.
 */
public record SseEvent(String name, Buffer data) {

  /** True for OpenAI's end-of-stream marker {@code [DONE]}. */
  public boolean isDone() {
    return data.length() == 6 && "[DONE]".equals(data.toString());
  }
}
