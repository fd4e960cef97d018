package com.mas.gateway.provider;

import com.mas.gateway.api.GatewayException;
import io.vertx.core.buffer.Buffer;

/** Where a {@link ResponseTranslator} sends what the client should receive. */
public interface ClientSink {

  /** Sends one complete SSE event (already framed, ending with a blank line) of the given kind. */
  void write(Buffer event, ChunkKind kind);

  /**
   * Sends one event carrying a delta of tool call {@code index} (the OpenAI index the client
   * sees); an event with deltas of several calls names the last of them.
   */
  void writeToolCall(Buffer event, int index);

  /** The answer is complete; ends the client stream. */
  void finish();

  /** The answer cannot be completed; ends the stream with an error. */
  void fail(GatewayException error);
}
