package com.mas.gateway.api;

import io.vertx.ext.web.RoutingContext;

/** Router-level failures (no route, body too large, ...) as OpenAI-style errors. */
public final class HttpFailures {

  private HttpFailures() {}

  public static Throwable toGatewayException(RoutingContext context) {
    if (context.failure() instanceof GatewayException known) {
      return known;
    }
    return switch (context.statusCode()) {
      case 404 -> new GatewayException(404, "invalid_request_error", "unknown_url", null,
          "Unknown request URL: " + context.request().method() + " " + context.request().path() + ".");
      case 405 -> new GatewayException(405, "invalid_request_error", "method_not_allowed", null,
          "Method " + context.request().method() + " is not allowed on " + context.request().path() + ".");
      case 413 -> new GatewayException(413, "invalid_request_error", "request_too_large", null,
          "The request body is larger than the gateway accepts.");
      case 400 -> GatewayException.badRequest(null, "The request could not be read.");
      default -> context.failure() != null ? context.failure()
          : new GatewayException(context.statusCode(), "server_error", null, null, "The request failed.");
    };
  }
}
