package com.mas.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The agent type a request declares: the {@code X-Agent-Type} header, else
 * {@code metadata.agent_type} in the body. Lowercased; limits, budgets and routing rules match
 * on it. A value that is not a short identifier is a 400, so it can never smuggle anything into
 * a counter key or a metric label.
 */
final class AgentTypes {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private AgentTypes() {}

  /** The declared agent type, or null when none is declared. */
  static String of(String header, ObjectNode body) {
    if (header != null && !header.isBlank()) {
      return checked(header, "X-Agent-Type");
    }
    JsonNode value = body.path("metadata").path("agent_type");
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw GatewayException.badRequest("metadata.agent_type", "Invalid 'metadata.agent_type': expected a string.");
    }
    return checked(value.asText(), "metadata.agent_type");
  }

  private static String checked(String raw, String param) {
    String value = raw.trim().toLowerCase(Locale.ROOT);
    if (!IDENTIFIER.matcher(value).matches()) {
      throw GatewayException.badRequest(param, "Invalid '" + param
          + "': expected up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
    }
    return value;
  }
}
