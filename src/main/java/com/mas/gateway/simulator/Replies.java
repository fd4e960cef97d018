package com.mas.gateway.simulator;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/** The ways the simulator answers outside an SSE stream: a JSON body, or no answer at all. */
final class Replies {

  private Replies() {}

  /**
   * Sends a whole JSON body and records it, ending the request's observation as
   * {@code outcome}. Completes when the body has been written.
   */
  static Future<Void> json(
      HttpServerResponse response, int status, String body, ObservationLog.Entry entry,
      Outcome outcome) {
    Buffer bytes = Buffer.buffer(body);
    entry.update(observation -> observation.withBytes(bytes.length()).endedAs(outcome));
    return response.setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(bytes);
  }

  /** Sends an OpenAI error body with the error's status. */
  static Future<Void> error(
      HttpServerResponse response, WireError error, ObservationLog.Entry entry, Outcome outcome) {
    String body = OpenAiWire.errorBody(
        error.getMessage(), error.type(), error.param(), error.code()).encode();
    return json(response, error.status(), body, entry, outcome);
  }

  /**
   * Drops the connection without finishing the response: HTTP/1.x closes the socket, HTTP/2
   * resets only this request's stream. Completes when that is done.
   */
  static Future<Void> abort(HttpServerRequest request) {
    if (request.version() == HttpVersion.HTTP_2) {
      return request.response().reset();
    }
    return request.connection().close();
  }
}
