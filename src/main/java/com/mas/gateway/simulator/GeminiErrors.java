package com.mas.gateway.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The errors of the Gemini format, worded like Google's (see {@code conformance/gemini/errors}),
 * and their body: a {@code google.rpc.Status} in {@code error}, with {@code code},
 * {@code message}, the canonical {@code status} and any {@code details}, laid out as Google
 * lays it out. A bad key is 400 {@code INVALID_ARGUMENT} with reason {@code API_KEY_INVALID},
 * not 401. None repeats a credential.
 */
final class GeminiErrors {

  static final String OVERLOADED = "The model is overloaded. Please try again later.";

  private static final String RPC = "type.googleapis.com/google.rpc.";
  private static final String SERVICE = "generativelanguage.googleapis.com";
  private static final String BAD_KEY = "API key not valid. Please pass a valid API key.";

  private GeminiErrors() {}

  static WireError apiKeyInvalid() {
    JsonArray details = new JsonArray()
        .add(errorInfo("API_KEY_INVALID"))
        .add(new JsonObject().put("@type", RPC + "LocalizedMessage").put("locale", "en-US")
            .put("message", BAD_KEY));
    return of(400, BAD_KEY).withDetails(details);
  }

  static WireError invalidArgument(String message) {
    return of(400, message);
  }

  static WireError notFound(String model) {
    String message = "models/" + model + " is not found for API version v1beta, or is not"
        + " supported for generateContent. Call ListModels to see the list of available models"
        + " and their supported methods.";
    return of(404, message).withDetails(new JsonArray().add(new JsonObject()
        .put("@type", RPC + "DebugInfo").put("detail", message)));
  }

  static WireError permissionDenied() {
    String console = "https://console.developers.google.com/apis/api/" + SERVICE + "/overview";
    JsonObject help = new JsonObject().put("@type", RPC + "Help").put("links", new JsonArray()
        .add(new JsonObject().put("description", "Google developers console API activation")
            .put("url", console)));
    return of(403, "Generative Language API has not been used in project simulator before or"
        + " it is disabled. Enable it by visiting " + console + " then retry.")
        .withDetails(new JsonArray().add(help).add(errorInfo("SERVICE_DISABLED")));
  }

  /** 429 with Google's quota details and the retry delay in a {@code RetryInfo}. */
  static WireError resourceExhausted(int retryDelaySeconds, String model) {
    JsonObject violation = new JsonObject()
        .put("quotaMetric", SERVICE + "/generate_content_free_tier_requests")
        .put("quotaId", "GenerateRequestsPerMinutePerProjectPerModel-FreeTier")
        .put("quotaDimensions", new JsonObject().put("location", "global").put("model", model));
    JsonArray details = new JsonArray()
        .add(new JsonObject().put("@type", RPC + "QuotaFailure")
            .put("violations", new JsonArray().add(violation)))
        .add(new JsonObject().put("@type", RPC + "Help").put("links", new JsonArray()
            .add(new JsonObject().put("description", "Learn more about Gemini API quotas")
                .put("url", "https://ai.google.dev/gemini-api/docs/rate-limits"))))
        .add(new JsonObject().put("@type", RPC + "RetryInfo")
            .put("retryDelay", retryDelaySeconds + "s"));
    return of(429, "You exceeded your current quota, please check your plan and billing"
        + " details. For more information on this error, head to:"
        + " https://ai.google.dev/gemini-api/docs/rate-limits.").withDetails(details);
  }

  static WireError internal() {
    return of(500, "An internal error has occurred. Please retry or report in"
        + " https://developers.generativeai.google/guide/troubleshooting");
  }

  static WireError unavailable() {
    return of(503, OVERLOADED);
  }

  /**
   * The body Gemini would send with this status; the status an injected fault asked for.
   * A 429 always carries its delay, {@code retryAfterSeconds} or else one second.
   */
  static WireError forStatus(int status, int retryAfterSeconds, String model) {
    return switch (status) {
      case 400 -> invalidArgument("Simulated bad request (x-sim-fault).");
      case 403 -> permissionDenied();
      case 404 -> notFound(model);
      case 429 -> resourceExhausted(retryAfterSeconds >= 0 ? retryAfterSeconds : 1, model);
      case 500 -> internal();
      case 503 -> unavailable();
      default -> of(status, "Simulated HTTP " + status + " (x-sim-fault).");
    };
  }

  /** The canonical {@code google.rpc.Code} name Google sends with an HTTP status. */
  static String statusFor(int status) {
    return switch (status) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 409 -> "ABORTED";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 499 -> "CANCELLED";
      case 501 -> "UNIMPLEMENTED";
      case 503 -> "UNAVAILABLE";
      case 504 -> "DEADLINE_EXCEEDED";
      default -> status < 500 ? "INVALID_ARGUMENT" : "INTERNAL";
    };
  }

  /** The error as a JSON object; {@code details} only when the error has some. */
  static JsonObject json(WireError error) {
    JsonObject status = new JsonObject().put("code", error.status())
        .put("message", error.getMessage()).put("status", statusFor(error.status()));
    if (error.details() != null) {
      status.put("details", error.details());
    }
    return new JsonObject().put("error", status);
  }

  private static JsonObject errorInfo(String reason) {
    return new JsonObject().put("@type", RPC + "ErrorInfo").put("reason", reason)
        .put("domain", "googleapis.com")
        .put("metadata", new JsonObject().put("service", SERVICE));
  }

  private static WireError of(int status, String message) {
    return new WireError(status, message, statusFor(status), null, null);
  }
}
