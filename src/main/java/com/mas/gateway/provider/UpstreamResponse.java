package com.mas.gateway.provider;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A successful (2xx) upstream response whose headers have arrived. The body is paused until the
 * caller sets its handlers and resumes it; the caller owns it from then on.
 *
 * @param body the response body, paused
 * @param translator how the body becomes the client's answer
 * @param cancellation aborts the upstream request (resets its stream or connection)
 * @param prefilled true when the call continued a partial answer by prefill
 *     ({@link WireProtocol#prefills()}): the answer picks up exactly where the partial one ends
 */
public record UpstreamResponse(ReadStream<Buffer> body, ResponseTranslator translator, Cancellation cancellation,
    boolean prefilled) {

  /** A response to a call that continued nothing by prefill. */
  public UpstreamResponse(ReadStream<Buffer> body, ResponseTranslator translator, Cancellation cancellation) {
    this(body, translator, cancellation, false);
  }
}
