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
 */
public record UpstreamResponse(ReadStream<Buffer> body, ResponseTranslator translator, Cancellation cancellation) {}
