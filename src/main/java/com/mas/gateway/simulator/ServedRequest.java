package com.mas.gateway.simulator;

import io.vertx.core.http.HttpServerRequest;

/**
 * One request the simulator is answering: the HTTP request, the wire format it speaks, its
 * request id and its entry in the {@link ObservationLog}.
 *
 * @param request the request; its response is written on the request's event loop
 * @param format the wire format of the endpoint it reached
 * @param requestId the id it came with or was given
 * @param entry the observation updated as the answer goes out
 */
record ServedRequest(
    HttpServerRequest request, WireFormat format, String requestId, ObservationLog.Entry entry) {

  void endedAs(Outcome outcome) {
    entry.update(observation -> observation.endedAs(outcome));
  }
}
