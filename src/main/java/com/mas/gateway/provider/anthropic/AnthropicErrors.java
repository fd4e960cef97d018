package com.mas.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.provider.UpstreamErrors;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Maps Anthropic's errors, whose body is always
 * {@code {"type":"error","error":{"type","message"},"request_id"}} (err-doc), to what the client
 * sees. An HTTP error goes through {@link UpstreamErrors#fromStatus}, which reads the same
 * {@code error.message} field: 400 → 400 with Anthropic's message (scrubbed), 401/403 → 502
 * {@code upstream_authentication_failed} without the upstream text, 404 → 404
 * {@code model_not_found}, 413 → 413, 429 → 429 keeping {@code retry-after}, 500 → 502, 503 and
 * 529 → 503 {@code upstream_overloaded} keeping {@code retry-after}.
 *
 * <p>An {@code error} event inside a stream has no status of its own; its {@code error.type}
 * gives the status Anthropic would have answered with outside a stream (stream-doc: an
 * {@code overloaded_error} "would normally correspond to an HTTP 529"), and that status is
 * mapped as above. So an overloaded stream becomes a retryable 503.
 */
final class AnthropicErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String provider;
  private final String secret;

  AnthropicErrors(String provider, String secret) {
    this.provider = provider;
    this.secret = secret;
  }

  /** The client-facing error for a non-2xx answer. */
  GatewayException forStatus(int status, MultiMap headers, Buffer body) {
    return UpstreamErrors.fromStatus(provider, status, headers, body, secret);
  }

  /** The client-facing error for the payload of an {@code error} event (or an error body with 200). */
  GatewayException forEvent(Buffer payload) {
    return forStatus(statusOf(errorType(payload)), MultiMap.caseInsensitiveMultiMap(), payload);
  }

  /** The HTTP status Anthropic uses for {@code type} (err-doc table); 500 for a type it does not list. */
  static int statusOf(String type) {
    return switch (type) {
      case "invalid_request_error" -> 400;
      case "authentication_error" -> 401;
      case "billing_error" -> 402;
      case "permission_error" -> 403;
      case "not_found_error" -> 404;
      case "request_too_large" -> 413;
      case "rate_limit_error" -> 429;
      case "timeout_error" -> 504;
      case "overloaded_error" -> 529;
      default -> 500;
    };
  }

  private static String errorType(Buffer payload) {
    try {
      JsonNode root = JSON.readTree(payload.getBytes());
      return root == null ? "" : root.path("error").path("type").asText();
    } catch (IOException e) {
      return "";
    }
  }
}
