package com.mas.gateway.api;

import com.mas.gateway.provider.ClientSink;
import io.vertx.core.buffer.Buffer;

/**
 * What a stage asks to be done to the answer on its way to the client, whichever provider writes
 * it: the language stage's script conversion and quality signals, for one. One per request; the
 * dispatcher applies it once per client answer (not per attempt), after any event it holds back.
 */
public interface AnswerFilter {

  /** Leaves the answer as it is. */
  AnswerFilter NONE = new AnswerFilter() {
    @Override
    public ClientSink stream(ClientSink client) {
      return client;
    }

    @Override
    public Buffer whole(Buffer body) {
      return body;
    }
  };

  /** The sink the translated events of a stream go to instead of {@code client}. */
  ClientSink stream(ClientSink client);

  /** A whole {@code chat.completion} body as the client should receive it. */
  Buffer whole(Buffer body);
}
