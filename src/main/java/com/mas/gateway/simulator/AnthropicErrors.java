package com.mas.gateway.simulator;

import io.vertx.core.json.JsonObject;

/**
 * The errors of the Anthropic format, worded like Anthropic's (see
 * {@code conformance/anthropic/errors}), and their body
 * {@code {"type":"error","error":{"type","message"},"request_id"}}. The error type follows
 * from the status alone, as in Anthropic's table. None repeats a credential.
 */
final class AnthropicErrors {

  /** The message of Anthropic's overloaded error, in a stream and in a 529 body. */
  static final String OVERLOADED = "Overloaded";

  private AnthropicErrors() {}

  static WireError missingKey() {
    return of(401, "x-api-key header is required");
  }

  static WireError wrongKey() {
    return of(401, "invalid x-api-key");
  }

  static WireError missingVersion() {
    return of(400, "anthropic-version: header is required");
  }

  static WireError unreadableBody() {
    return of(400, "The request body is not valid JSON.");
  }

  static WireError fieldRequired(String field) {
    return of(400, field + ": Field required");
  }

  static WireError invalidField(String field, String problem) {
    return of(400, field + ": " + problem);
  }

  static WireError overloaded() {
    return of(529, OVERLOADED);
  }

  static WireError notFound() {
    return of(404, "Not Found");
  }

  static WireError bodyTooLarge() {
    return of(413, "Request exceeds the maximum allowed number of bytes.");
  }

  static WireError internal() {
    return of(500, "Internal server error");
  }

  /** The body Anthropic would send with this status; the status an injected fault asked for. */
  static WireError forStatus(int status, String model) {
    return switch (status) {
      case 400 -> of(400, "Simulated bad request (x-sim-fault).");
      case 401 -> wrongKey();
      case 403 -> of(403, "Your API key does not have permission to use the specified resource.");
      case 404 -> of(404, "model: " + model);
      case 413 -> bodyTooLarge();
      case 429 -> of(429, "This request would exceed the rate limit for your organization of"
          + " 50 requests per minute. For details, refer to:"
          + " https://docs.anthropic.com/en/api/rate-limits. You can see the response headers"
          + " for current usage. Please reduce the prompt length or the maximum tokens"
          + " requested, or try again later.");
      case 500 -> internal();
      case 504 -> of(504, "The request timed out while processing.");
      case 529 -> overloaded();
      default -> of(status, "Simulated HTTP " + status + " (x-sim-fault).");
    };
  }

  /** Anthropic's error type for a status; unlisted 4xx read as invalid requests. */
  static String typeFor(int status) {
    return switch (status) {
      case 400 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 402 -> "billing_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 413 -> "request_too_large";
      case 429 -> "rate_limit_error";
      case 504 -> "timeout_error";
      case 529 -> "overloaded_error";
      default -> status < 500 ? "invalid_request_error" : "api_error";
    };
  }

  /** The error body, with the request's id as {@code request_id}. */
  static JsonObject body(WireError error, String requestId) {
    return new JsonObject().put("type", "error")
        .put("error", new JsonObject().put("type", typeFor(error.status()))
            .put("message", error.getMessage()))
        .put("request_id", requestId);
  }

  private static WireError of(int status, String message) {
    return new WireError(status, message, typeFor(status), null, null);
  }
}
