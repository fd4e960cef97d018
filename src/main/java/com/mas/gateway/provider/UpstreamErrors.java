package com.mas.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mas.gateway.api.GatewayException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Maps upstream failures to what the client sees, keeping their class: a 429 stays a 429 with
 * its {@code retry-after}; upstream 5xx become 502 or 503; a 400 stays a 400 with the upstream's
 * message. An upstream 401/403/402 is the gateway's credential or account problem, never the
 * client's, so it becomes a 502 without the upstream text. Messages are scrubbed of anything
 * that looks like a key.
 */
public final class UpstreamErrors {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern KEY_LIKE = Pattern.compile(
      "(sk|mgw|key)-[A-Za-z0-9_\\-]{6,}|\\*{3,}[A-Za-z0-9]{2,}|AIza[A-Za-z0-9_\\-]{20,}");

  private UpstreamErrors() {}

  /** The client-facing error for an upstream response with a non-2xx {@code status}. */
  public static GatewayException fromStatus(String provider, int status, MultiMap headers, Buffer body, String secret) {
    String message = scrub(upstreamMessage(body), secret);
    String upstreamCode = upstreamCode(body);
    return switch (status) {
      case 400, 422 -> new GatewayException(400, "invalid_request_error", upstreamCode, upstreamParam(body), message);
      case 401, 403 -> credentialFailure(provider, status);
      case 402 -> new GatewayException(502, "server_error", "upstream_insufficient_quota", null,
          "Provider '" + provider + "' rejected the request: the gateway's account has insufficient balance.");
      case 404 -> new GatewayException(404, "invalid_request_error", "model_not_found", "model", message);
      case 408 -> GatewayException.timeout("Provider '" + provider + "' timed out: " + message);
      case 413 -> new GatewayException(413, "invalid_request_error", "request_too_large", null, message);
      case 429 -> new GatewayException(429, "rate_limit_error", orDefault(upstreamCode, "rate_limit_exceeded"),
          null, message, retryHeaders(headers));
      default -> serverFailure(provider, status, message, headers);
    };
  }

  /**
   * The client-facing error for an OpenAI-style {@code {"error":{...}}} event inside a stream,
   * which has no status of its own: its {@code type} or {@code code} gives the status it would
   * have had as a response (a rate limit 429, a request error 400, an overload 503), anything
   * else is a server error (502).
   */
  public static GatewayException fromErrorEvent(String provider, Buffer payload, String secret) {
    JsonNode error = errorNode(payload);
    String kind = error.path("type").asText("") + " " + error.path("code").asText("");
    int status = kind.contains("rate_limit") ? 429
        : kind.contains("invalid_request") ? 400
        : kind.contains("overloaded") || kind.contains("unavailable") ? 503
        : 500;
    return fromStatus(provider, status, io.vertx.core.MultiMap.caseInsensitiveMultiMap(), payload, secret);
  }

  /** The client-facing error for a connection that failed or timed out before headers. */
  public static GatewayException fromTransport(String provider, Throwable failure) {
    if (failure instanceof GatewayException known) {
      return known;
    }
    if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
      return GatewayException.timeout("Provider '" + provider + "' did not answer in time.");
    }
    if (failure instanceof ConnectException) {
      return new GatewayException(502, "server_error", "upstream_unavailable", null,
          "Provider '" + provider + "' could not be reached.");
    }
    return GatewayException.badGateway("upstream_connection_error",
        "The connection to provider '" + provider + "' failed before the response started.");
  }

  /** The 502 for an upstream that refused the gateway's own credentials; never carries upstream text. */
  public static GatewayException credentialFailure(String provider, int status) {
    return new GatewayException(502, "server_error", "upstream_authentication_failed", null,
        "Provider '" + provider + "' rejected the gateway's credentials (HTTP " + status + ").");
  }

  private static GatewayException serverFailure(String provider, int status, String message, MultiMap headers) {
    boolean overloaded = status == 503 || status == 529;
    String text = "Provider '" + provider + "' failed (HTTP " + status + ")" + (message.isEmpty() ? "." : ": " + message);
    return new GatewayException(overloaded ? 503 : 502, "server_error",
        overloaded ? "upstream_overloaded" : "upstream_error", null, text, retryHeaders(headers));
  }

  private static Map<String, String> retryHeaders(MultiMap headers) {
    Map<String, String> kept = new HashMap<>();
    for (String name : new String[] {"retry-after", "retry-after-ms"}) {
      String value = headers.get(name);
      if (value != null) {
        kept.put(name, value);
      }
    }
    return kept;
  }

  /** {@code message} with {@code secret} and anything that looks like a key masked. */
  public static String scrub(String message, String secret) {
    String result = message;
    if (secret != null && secret.length() >= 4) {
      result = result.replace(secret, "****");
    }
    return KEY_LIKE.matcher(result).replaceAll("****");
  }

  private static String upstreamMessage(Buffer body) {
    JsonNode error = errorNode(body);
    String message = error.path("message").asText("");
    if (message.isEmpty() && error.isMissingNode() && body.length() > 0 && body.length() < 512) {
      return body.toString().strip();
    }
    return message;
  }

  private static String upstreamCode(Buffer body) {
    JsonNode code = errorNode(body).path("code");
    return code.isTextual() ? code.asText() : null;
  }

  private static String upstreamParam(Buffer body) {
    JsonNode param = errorNode(body).path("param");
    return param.isTextual() ? param.asText() : null;
  }

  private static JsonNode errorNode(Buffer body) {
    try {
      return JSON.readTree(body.getBytes()).path("error");
    } catch (IOException | RuntimeException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
