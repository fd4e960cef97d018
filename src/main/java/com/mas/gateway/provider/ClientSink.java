package com.mas.gateway.provider;

import com.mas.gateway.api.GatewayException;
import io.vertx.core.buffer.Buffer;

/** Where a {@link ResponseTranslator} sends what the client should receive. */
public interface ClientSink {

  /** Sends one complete SSE event (already framed, ending with a blank line). */
  void write(Buffer event);

  /** The answer is complete; ends the client stream. */
  void finish();

  /** The answer cannot be completed; ends the stream with an error. */
  void fail(GatewayException error);
}
