package com.mas.gateway.api;

import java.util.Map;

/**
 * The one way a request fails. It carries what the client will see: the HTTP status, the
 * OpenAI error {@code type}, {@code code} and {@code param}, and response headers such as
 * {@code retry-after}. {@link ErrorRenderer} turns it into the response, or into a final SSE
 * event when the headers have already gone out.
 */
public final class GatewayException extends RuntimeException {

  private final int status;
  private final String type;
  private final String code;
  private final String param;
  private final Map<String, String> headers;

  public GatewayException(int status, String type, String code, String param, String message) {
    this(status, type, code, param, message, Map.of());
  }

  public GatewayException(
      int status, String type, String code, String param, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
    this.headers = Map.copyOf(headers);
  }

  /** 400 invalid_request_error naming the offending parameter. */
  public static GatewayException badRequest(String param, String message) {
    return new GatewayException(400, "invalid_request_error", "invalid_value", param, message);
  }

  /** 502 for an upstream that broke the protocol or the connection. */
  public static GatewayException badGateway(String code, String message) {
    return new GatewayException(502, "server_error", code, null, message);
  }

  /** 504 for an upstream that did not answer in time. */
  public static GatewayException timeout(String message) {
    return new GatewayException(504, "server_error", "upstream_timeout", null, message);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String code() {
    return code;
  }

  public String param() {
    return param;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** True for failures a later attempt (or another provider) might not have. */
  public boolean retryable() {
    return status == 408 || status == 429 || status >= 500;
  }
}
