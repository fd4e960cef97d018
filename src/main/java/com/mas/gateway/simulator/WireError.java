package com.mas.gateway.simulator;

/**
 * A request the simulator refuses, carrying the OpenAI error fields it is answered with:
 * {@code {"error":{"message","type","param","code"}}}.
 */
final class WireError extends RuntimeException {

  private final int status;
  private final String type;
  private final String param;
  private final String code;

  WireError(int status, String message, String type, String param, String code) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.param = param;
    this.code = code;
  }

  static WireError invalidRequest(String message, String param, String code) {
    return new WireError(400, message, "invalid_request_error", param, code);
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
}
