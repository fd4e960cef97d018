package com.mas.gateway.provider;

import com.mas.gateway.config.ProbeKind;
import io.vertx.core.Future;

/**
 * A client of one upstream provider, bound to the event loop that created it: every callback of
 * its HTTP client runs on that loop, so a stream never crosses threads.
 */
public interface Provider {

  /** The configured provider name. */
  String name();

  /**
   * Sends {@code call} upstream. Completes once a 2xx response's headers arrived, with its body
   * paused. Fails with a {@link com.mas.gateway.api.GatewayException}: the mapped upstream error
   * for a non-2xx status, 504 when connecting or the first byte takes too long, 502 when the
   * connection breaks. Cancelling the call resets the upstream request at any point.
   */
  Future<UpstreamResponse> send(UpstreamCall call);

  /**
   * Checks that the provider answers, without a client request: {@code MODELS} lists its models,
   * {@code COMPLETION} asks {@code model} for one token. Completes when it answered 2xx (and the
   * body arrived); fails like {@link #send}. {@code NONE} completes at once.
   */
  Future<Void> probe(ProbeKind kind, String model);

  /** Releases the HTTP client. */
  Future<Void> close();
}
