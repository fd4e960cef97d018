package com.mas.gateway.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.api.GatewayException;
import java.io.IOException;
import java.util.Set;

/**
 * Parses and checks a chat-completions body. It checks what the gateway relies on and the types
 * of well-known fields, so that a malformed request gets a 400 naming its {@code param} here
 * instead of an opaque upstream error; everything else is left for the upstream to judge.
 */
public final class ChatRequestParser {

  private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

  private final ObjectMapper mapper;

  /** Uses a mapper that keeps decimal numbers exact, so forwarded bodies keep their values. */
  public ChatRequestParser() {
    this.mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** The request in {@code body}; throws a {@link GatewayException} (400) naming what is wrong. */
  public ChatRequest parse(byte[] body) {
    JsonNode root = readTree(body);
    if (!(root instanceof ObjectNode json)) {
      throw GatewayException.badRequest(null, "The request body must be a JSON object.");
    }
    String model = requireText(json, "model");
    checkMessages(json.get("messages"));
    boolean stream = optionalBoolean(json, "stream");
    boolean includeUsage = streamOptions(json, stream);
    RequestFieldChecks.check(json);
    return new ChatRequest(json, model, stream, includeUsage);
  }

  private JsonNode readTree(byte[] body) {
    try {
      JsonNode root = mapper.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw GatewayException.badRequest(null, "The request body is empty; expected a JSON object.");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw GatewayException.badRequest(null, "We could not parse the JSON body of your request: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw GatewayException.badRequest(null, "We could not read the body of your request.");
    }
  }

  private static String requireText(ObjectNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      throw GatewayException.badRequest(field, "Missing required parameter: '" + field + "'.");
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw GatewayException.badRequest(field, "Invalid type for '" + field + "': expected a non-empty string.");
    }
    return node.asText();
  }

  private static void checkMessages(JsonNode messages) {
    if (messages == null || messages.isNull()) {
      throw GatewayException.badRequest("messages", "Missing required parameter: 'messages'.");
    }
    if (!messages.isArray() || messages.isEmpty()) {
      throw GatewayException.badRequest("messages", "Invalid 'messages': expected a non-empty array.");
    }
    for (int i = 0; i < messages.size(); i++) {
      checkMessage(messages.get(i), "messages[" + i + "]");
    }
  }

  private static void checkMessage(JsonNode message, String path) {
    if (!message.isObject()) {
      throw GatewayException.badRequest(path, "Invalid '" + path + "': expected an object.");
    }
    JsonNode role = message.get("role");
    if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
      throw GatewayException.badRequest(path + ".role", "Invalid '" + path + ".role': expected one of "
          + "system, developer, user, assistant, tool.");
    }
    JsonNode content = message.get("content");
    if (content != null && !(content.isTextual() || content.isArray() || content.isNull())) {
      throw GatewayException.badRequest(path + ".content",
          "Invalid type for '" + path + ".content': expected a string or an array of content parts.");
    }
  }

  private static boolean optionalBoolean(ObjectNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw GatewayException.badRequest(field, "Invalid type for '" + field + "': expected a boolean.");
    }
    return node.asBoolean();
  }

  private static boolean streamOptions(ObjectNode json, boolean stream) {
    JsonNode options = json.get("stream_options");
    if (options == null || options.isNull()) {
      return false;
    }
    if (!options.isObject()) {
      throw GatewayException.badRequest("stream_options", "Invalid type for 'stream_options': expected an object.");
    }
    if (!stream) {
      throw GatewayException.badRequest("stream_options",
          "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
    }
    JsonNode include = options.get("include_usage");
    if (include != null && !include.isNull() && !include.isBoolean()) {
      throw GatewayException.badRequest("stream_options.include_usage",
          "Invalid type for 'stream_options.include_usage': expected a boolean.");
    }
    return include != null && include.asBoolean();
  }
}
