package com.mas.gateway.api;

import io.vertx.core.Future;

/**
 * One step of the request pipeline. Stages run in order on the event loop that accepted the
 * request; a stage stops the request by failing with a {@link GatewayException}.
 */
public interface Stage {

  /** Short name for logs and metrics. */
  String name();

  /** Completes when the exchange may go on; fails with a {@link GatewayException} to stop it. */
  Future<Void> apply(Exchange exchange);
}
