package com.mas.gateway.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.api.GatewayException;

/** Type and range checks of the optional well-known request fields. */
final class RequestFieldChecks {

  private RequestFieldChecks() {}

  static void check(ObjectNode json) {
    positiveInteger(json, "max_tokens");
    positiveInteger(json, "max_completion_tokens");
    positiveInteger(json, "n");
    numberInRange(json, "temperature", 0, 2);
    numberInRange(json, "top_p", 0, 1);
    numberInRange(json, "presence_penalty", -2, 2);
    numberInRange(json, "frequency_penalty", -2, 2);
    ofKind(json, "seed", JsonNode::isIntegralNumber, "an integer");
    ofKind(json, "user", JsonNode::isTextual, "a string");
    ofKind(json, "tools", JsonNode::isArray, "an array");
    ofKind(json, "tool_choice", n -> n.isTextual() || n.isObject(), "a string or an object");
    ofKind(json, "stop", n -> n.isTextual() || n.isArray(), "a string or an array of strings");
    ofKind(json, "metadata", JsonNode::isObject, "an object");
    ofKind(json, "response_format", JsonNode::isObject, "an object");
  }

  private static void positiveInteger(ObjectNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isIntegralNumber() || node.asLong() < 1) {
      throw GatewayException.badRequest(field, "Invalid '" + field + "': expected an integer of at least 1.");
    }
  }

  private static void numberInRange(ObjectNode json, String field, double min, double max) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max) {
      throw GatewayException.badRequest(field,
          "Invalid '" + field + "': expected a number between " + fmt(min) + " and " + fmt(max) + ".");
    }
  }

  private static void ofKind(ObjectNode json, String field, java.util.function.Predicate<JsonNode> kind, String what) {
    JsonNode node = json.get(field);
    if (node != null && !node.isNull() && !kind.test(node)) {
      throw GatewayException.badRequest(field, "Invalid type for '" + field + "': expected " + what + ".");
    }
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
