package com.mas.gateway.routing;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.RequestNeeds;
import com.mas.gateway.config.ModelCapabilities;

/**
 * Refuses, before anything is sent, a request that needs what its target model does not offer
 * according to config: a 400 naming the parameter and the model.
 */
public final class CapabilityCheck {

  private CapabilityCheck() {}

  public static void require(RequestNeeds needs, ModelCapabilities model, Target target) {
    String name = "'" + target.provider() + "/" + target.model() + "'";
    if (needs.vision() && !model.vision()) {
      throw unsupported("messages", "The model " + name + " does not accept image input.");
    }
    if (needs.tools() && !model.tools()) {
      throw unsupported("tools", "The model " + name + " does not support tools.");
    }
    if (needs.jsonOutput() && !model.jsonOutput()) {
      throw unsupported("response_format", "The model " + name + " does not support JSON output.");
    }
    if (model.maxOutput() > 0 && needs.maxOutputTokens() > model.maxOutput()) {
      throw new GatewayException(400, "invalid_request_error", "invalid_value", "max_tokens",
          "The model " + name + " produces at most " + model.maxOutput() + " output tokens; "
              + needs.maxOutputTokens() + " were requested.");
    }
  }

  private static GatewayException unsupported(String param, String message) {
    return new GatewayException(400, "invalid_request_error", "unsupported_capability", param, message);
  }
}
