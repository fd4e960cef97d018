package com.mas.gateway.simulator;

/**
 * The errors the simulator answers with, worded like OpenAI's (see
 * {@code conformance/openai/errors}). None of them repeats a credential the client sent.
 */
final class OpenAiErrors {

  private static final String SERVER_ERROR =
      "The server had an error while processing your request. Sorry about that!";

  private OpenAiErrors() {}

  static WireError missingKey() {
    return new WireError(401, "You didn't provide an API key. You need to provide your API key"
        + " in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        "invalid_request_error", null, null);
  }

  static WireError wrongKey() {
    return new WireError(401, "Incorrect API key provided. You can find your API key at"
        + " https://platform.openai.com/account/api-keys.",
        "invalid_request_error", null, "invalid_api_key");
  }

  static WireError unreadableBody() {
    return WireError.invalidRequest("We could not parse the JSON body of your request. "
        + "The OpenAI API expects a JSON payload, but what was sent was not valid JSON.",
        null, null);
  }

  static WireError unknownRoute(String method, String path) {
    return new WireError(404, "Invalid URL (" + method + " " + path + ")",
        "invalid_request_error", null, null);
  }

  static WireError bodyTooLarge() {
    return new WireError(413, "The request body is too large for the simulator.",
        "invalid_request_error", null, "request_too_large");
  }

  static WireError serverError() {
    return new WireError(500, SERVER_ERROR, "server_error", null, null);
  }

  /** The body OpenAI would send with this status; the status an injected fault asked for. */
  static WireError forStatus(int status, String model) {
    return switch (status) {
      case 400 -> WireError.invalidRequest("Simulated bad request (x-sim-fault).", null, null);
      case 401 -> wrongKey();
      case 403 -> new WireError(403, "Country, region, or territory not supported",
          "request_forbidden", null, "unsupported_country_region_territory");
      case 404 -> new WireError(404, "The model `" + model + "` does not exist or you do not"
          + " have access to it.", "invalid_request_error", null, "model_not_found");
      case 429 -> new WireError(429, "Rate limit reached for " + model + " in organization"
          + " org-simulator on requests per min (RPM): Limit 60, Used 60, Requested 1. Please"
          + " try again in 1s. Visit https://platform.openai.com/account/rate-limits to learn"
          + " more.", "requests", null, "rate_limit_exceeded");
      case 500 -> new WireError(500, SERVER_ERROR, "server_error", null, null);
      case 503, 529 -> new WireError(status,
          "The engine is currently overloaded, please try again later.", "server_error",
          null, null);
      default -> generic(status);
    };
  }

  private static WireError generic(int status) {
    boolean server = status >= 500;
    return new WireError(status, "Simulated HTTP " + status + " (x-sim-fault).",
        server ? "server_error" : "invalid_request_error", null, null);
  }
}
