package com.mas.gateway.simulator;

import io.vertx.core.json.JsonArray;

/**
 * A request the simulator refuses. It carries what every wire format needs to word the
 * refusal: the status and message, OpenAI's {@code type}, {@code param} and {@code code},
 * an optional {@code retry-after} and, for Gemini, the {@code google.rpc} details. Each
 * {@link WireFormat} turns it into its own error body.
 */
final class WireError extends RuntimeException {

  private final int status;
  private final String type;
  private final String param;
  private final String code;
  private final int retryAfterSeconds;
  private final JsonArray details;

  WireError(int status, String message, String type, String param, String code) {
    this(status, message, type, param, code, -1, null);
  }

  private WireError(int status, String message, String type, String param, String code,
      int retryAfterSeconds, JsonArray details) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.param = param;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
    this.details = details;
  }

  static WireError invalidRequest(String message, String param, String code) {
    return new WireError(400, message, "invalid_request_error", param, code);
  }

  /** A copy whose response carries {@code retry-after: seconds}; a negative value sends none. */
  WireError withRetryAfter(int seconds) {
    return new WireError(status, getMessage(), type, param, code, seconds, details);
  }

  /** A copy carrying Gemini's {@code google.rpc} error details. */
  WireError withDetails(JsonArray value) {
    return new WireError(status, getMessage(), type, param, code, retryAfterSeconds, value);
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }

  String param() {
    return param;
  }

  String code() {
    return code;
  }

  /** The {@code retry-after} header value in seconds, or -1 for none. */
  int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The {@code google.rpc} details of a Gemini error body, or null. */
  JsonArray details() {
    return details;
  }
}
