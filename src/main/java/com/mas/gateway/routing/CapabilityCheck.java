package com.mas.gateway.routing;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.RequestNeeds;
import com.mas.gateway.config.ModelCapabilities;

/**
 * Refuses, before anything is sent, a request that needs what its target model does not offer
 * according to config: a 400 naming the parameter and the model. Routing asks {@link #serves}
 * first to pass over targets that cannot serve a request.
 */
public final class CapabilityCheck {

  private CapabilityCheck() {}

  /** True when {@code model} offers everything the request needs. */
  public static boolean serves(RequestNeeds needs, ModelCapabilities model) {
    return (!needs.vision() || model.vision()) && (!needs.tools() || model.tools())
        && (!needs.jsonOutput() || model.jsonOutput())
        && (model.maxOutput() <= 0 || needs.maxOutputTokens() <= model.maxOutput());
  }

  /** Throws the 400 that names what {@code target} lacks; returns when it serves the request. */
  public static void require(RequestNeeds needs, ModelCapabilities model, Target target) {
    GatewayException refusal = refusal(needs, model, target);
    if (refusal != null) {
      throw refusal;
    }
  }

  /** The 400 that names what {@code target} lacks, or null when it serves the request. */
  public static GatewayException refusal(RequestNeeds needs, ModelCapabilities model, Target target) {
    if (serves(needs, model)) {
      return null;
    }
    String name = "'" + target.provider() + "/" + target.model() + "'";
    if (needs.vision() && !model.vision()) {
      return unsupported("messages", "The model " + name + " does not accept image input.");
    }
    if (needs.tools() && !model.tools()) {
      return unsupported("tools", "The model " + name + " does not support tools.");
    }
    if (needs.jsonOutput() && !model.jsonOutput()) {
      return unsupported("response_format", "The model " + name + " does not support JSON output.");
    }
    return new GatewayException(400, "invalid_request_error", "invalid_value", "max_tokens",
        "The model " + name + " produces at most " + model.maxOutput() + " output tokens; "
            + needs.maxOutputTokens() + " were requested.");
  }

  private static GatewayException unsupported(String param, String message) {
    return new GatewayException(400, "invalid_request_error", "unsupported_capability", param, message);
  }
}
