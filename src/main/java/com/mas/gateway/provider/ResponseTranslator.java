package com.mas.gateway.provider;

import com.mas.gateway.chat.Usage;
import io.vertx.core.buffer.Buffer;

/**
 * Turns one upstream answer into what an OpenAI client expects. One instance per attempt, used
 * on the event loop of the request only.
 */
public interface ResponseTranslator {

  /** Handles one upstream SSE event, writing zero or more client events to {@code sink}. */
  void onEvent(SseEvent event, ClientSink sink);

  /** The upstream body ended; finishes or fails {@code sink} if no event did. */
  void onEnd(ClientSink sink);

  /** A non-streaming upstream body as the client's {@code chat.completion} body. */
  Buffer completeBody(Buffer upstreamBody);

  /** Usage reported so far, or null when the upstream sent none. */
  Usage usage();

  /** True once an event carrying answer content reached the client. */
  boolean contentSent();
}
