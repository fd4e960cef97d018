package com.mas.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.provider.UpstreamErrors;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Maps Gemini errors, {@code {"error":{"code","message","status","details"}}} (a
 * {@code google.rpc.Status}; err-doc: ai.google.dev/gemini-api/docs/troubleshooting), to what the
 * client sees. Where the class matches {@link UpstreamErrors} it is used:
 *
 * <ul>
 *   <li>400 {@code INVALID_ARGUMENT} → 400 with the upstream message, scrubbed; but with an
 *       {@code ErrorInfo} reason {@code API_KEY_INVALID} (Gemini's answer to a bad key) → 502
 *       {@code upstream_authentication_failed}, without the upstream text;
 *   <li>400 {@code FAILED_PRECONDITION} (free tier not available in the region, billing off) →
 *       502 {@code upstream_precondition_failed}: the gateway's account, not the request;
 *   <li>401/403 ({@code UNAUTHENTICATED}, {@code PERMISSION_DENIED}) → 502
 *       {@code upstream_authentication_failed};
 *   <li>404 {@code NOT_FOUND} → 404 {@code model_not_found};
 *   <li>429 {@code RESOURCE_EXHAUSTED} → 429 with {@code retry-after} in whole seconds, rounded
 *       up, from the {@code google.rpc.RetryInfo} detail's {@code retryDelay} ("47s", "1.5s"),
 *       else from the upstream header;
 *   <li>500 {@code INTERNAL} → 502; 503 {@code UNAVAILABLE} → 503 {@code upstream_overloaded}
 *       (retryable); 504 {@code DEADLINE_EXCEEDED} → 504 {@code upstream_timeout}.
 * </ul>
 * Immutable and thread-safe.
 */
final class GeminiErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String provider;
  private final String secret;

  GeminiErrors(String provider, String secret) {
    this.provider = provider;
    this.secret = secret;
  }

  /** The client-facing error for a non-2xx answer. */
  GatewayException fromStatus(int status, MultiMap headers, Buffer body) {
    return map(status, headers, errorOf(body), body);
  }

  /** The client-facing error for an {@code error} object reported inside a 200 stream. */
  GatewayException inStream(JsonNode error, Buffer event) {
    JsonNode code = error.path("code");
    int status = code.canConvertToInt() && code.asInt() >= 400 ? code.asInt() : statusOf(error.path("status").asText());
    return map(status, MultiMap.caseInsensitiveMultiMap(), error, event);
  }

  private GatewayException map(int status, MultiMap headers, JsonNode error, Buffer body) {
    String canonical = error.path("status").asText("");
    if (hasReason(error, "API_KEY_INVALID") || status == 401 || status == 403) {
      return UpstreamErrors.credentialFailure(provider, status);
    }
    if (status == 429) {
      return new GatewayException(429, "rate_limit_error", "rate_limit_exceeded", null, message(error),
          retryAfter(error, headers));
    }
    if (status == 504 || "DEADLINE_EXCEEDED".equals(canonical)) {
      return GatewayException.timeout("Provider '" + provider + "' did not finish in time: " + message(error));
    }
    if ("FAILED_PRECONDITION".equals(canonical)) {
      return GatewayException.badGateway("upstream_precondition_failed",
          "Provider '" + provider + "' refused the gateway's account: " + message(error));
    }
    return UpstreamErrors.fromStatus(provider, status, headers, body, secret);
  }

  private String message(JsonNode error) {
    return UpstreamErrors.scrub(error.path("message").asText(""), secret);
  }

  private static boolean hasReason(JsonNode error, String reason) {
    for (JsonNode detail : error.path("details")) {
      if (reason.equals(detail.path("reason").asText())) {
        return true;
      }
    }
    return false;
  }

  /** {@code retry-after} from the RetryInfo detail, else the upstream's header; empty when neither. */
  static Map<String, String> retryAfter(JsonNode error, MultiMap headers) {
    for (JsonNode detail : error.path("details")) {
      if (detail.path("@type").asText().endsWith("google.rpc.RetryInfo")) {
        String seconds = seconds(detail.path("retryDelay").asText(""));
        if (seconds != null) {
          return Map.of("retry-after", seconds);
        }
      }
    }
    String header = headers.get("retry-after");
    return header == null ? Map.of() : Map.of("retry-after", header);
  }

  /** A protobuf JSON duration ("7s", "1.5s") in whole seconds, rounded up; null if it is not one. */
  static String seconds(String duration) {
    if (!duration.endsWith("s")) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(duration.substring(0, duration.length() - 1));
      return value.signum() < 0 ? null : value.setScale(0, RoundingMode.CEILING).toPlainString();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int statusOf(String canonical) {
    return switch (canonical) {
      case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> 400;
      case "UNAUTHENTICATED" -> 401;
      case "PERMISSION_DENIED" -> 403;
      case "NOT_FOUND" -> 404;
      case "RESOURCE_EXHAUSTED" -> 429;
      case "UNAVAILABLE" -> 503;
      case "DEADLINE_EXCEEDED" -> 504;
      default -> 500;
    };
  }

  private static JsonNode errorOf(Buffer body) {
    try {
      return JSON.readTree(body.getBytes()).path("error");
    } catch (IOException | RuntimeException e) {
      return MissingNode.getInstance();
    }
  }
}
