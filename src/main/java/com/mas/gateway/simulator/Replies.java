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
  static Future<Void> json(ServedRequest served, int status, String body, Outcome outcome) {
    Buffer bytes = Buffer.buffer(body);
    served.entry().update(observation -> observation.withBytes(bytes.length()).endedAs(outcome));
    return served.request().response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(bytes);
  }

  /** Sends an error in the request's wire format, with {@code retry-after} when it has one. */
  static Future<Void> error(ServedRequest served, WireError error, Outcome outcome) {
    HttpServerResponse response = served.request().response();
    if (error.retryAfterSeconds() >= 0) {
      response.putHeader("retry-after", Integer.toString(error.retryAfterSeconds()));
    }
    String body = served.format().errorBody(error, served.requestId());
    return json(served, error.status(), body, outcome);
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
