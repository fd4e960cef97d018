package com.mas.gateway.provider.gemini;

import com.mas.gateway.api.GatewayException;

/**
 * The two ways the Gemini request mapping refuses a request with a 400 before anything is sent:
 * a value that is wrong in itself ({@code invalid_value}), and a valid OpenAI request that Gemini
 * cannot express ({@code unsupported_parameter}). Both name the offending parameter by its path
 * in the client's JSON, e.g. {@code tools[0].function.parameters.properties.when.oneOf}.
 */
final class Refusals {

  private Refusals() {}

  static GatewayException invalid(String param, String message) {
    return GatewayException.badRequest(param, message);
  }

  static GatewayException unsupported(String param, String message) {
    return new GatewayException(400, "invalid_request_error", "unsupported_parameter", param, message);
  }
}
