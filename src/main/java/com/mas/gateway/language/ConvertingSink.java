package com.mas.gateway.language;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.provider.ClientSink;
import io.vertx.core.buffer.Buffer;

/**
 * A client sink that converts the answer text of each {@code chat.completion.chunk} event into
 * the user's script before passing it on. Only the {@code content} and {@code reasoning_content}
 * strings change, and only in the ideographs that differ; an event without such text, or whose
 * text needs nothing converted, is passed on as the very same buffer, and so are {@code [DONE]}
 * and anything that is not a {@code data:} event. Runs on the request's event loop, like the
 * sink it wraps.
 */
final class ConvertingSink implements ClientSink {

  private final ClientSink next;
  private final ScriptRewriter rewriter;

  ConvertingSink(ClientSink next, ScriptMapping mapping) {
    this.next = next;
    this.rewriter = new ScriptRewriter(mapping, true);
  }

  @Override
  public void write(Buffer event, ChunkKind kind) {
    if (kind != ChunkKind.CONTENT || event.length() <= SseEvents.MIN_DATA_EVENT) {
      next.write(event, kind);
      return;
    }
    byte[] bytes = event.getBytes();
    byte[] converted = SseEvents.isDataEvent(bytes)
        ? rewriter.rewrite(bytes, SseEvents.DATA_START, bytes.length - 2, ContentSpans.DELTA)
        : null;
    next.write(converted == null ? event : Buffer.buffer(converted), kind);
  }

  /** Tool-call arguments are the model's data, never converted. */
  @Override
  public void writeToolCall(Buffer event, int index) {
    next.writeToolCall(event, index);
  }

  @Override
  public void finish() {
    next.finish();
  }

  @Override
  public void fail(GatewayException error) {
    next.fail(error);
  }
}
