package com.mas.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.api.GatewayException;

/**
 * Turns OpenAI's tool fields into Anthropic's, and emulates {@code response_format}.
 * <ul>
 *   <li>{@code tools[]} ({@code {"type":"function","function":{name, description, parameters}}})
 *       → {@code {name, description, input_schema}}; no {@code parameters} means an empty object
 *       schema; {@code strict} is dropped; other tool types are refused;
 *   <li>{@code tool_choice}: {@code auto} → {@code {"type":"auto"}}, {@code none} →
 *       {@code {"type":"none"}}, {@code required} → {@code {"type":"any"}}, a named function →
 *       {@code {"type":"tool","name":...}}; {@code parallel_tool_calls: false} adds
 *       {@code disable_parallel_tool_use: true} (to {@code auto} when no choice was given);
 *       without tools no {@code tool_choice} is sent;
 *   <li>{@code response_format} {@code json_schema} → one forced tool, named like the schema
 *       ({@value #JSON_TOOL} when unnamed), whose {@code input_schema} is the schema; the
 *       model's tool input is the answer, and the translators return it as the message content
 *       (streamed as content deltas) with {@code finish_reason} {@code stop}. {@code json_object}
 *       works the same with the schema {@code {"type":"object"}}. Both are refused together with
 *       {@code tools} (a forced tool would keep the model from calling the client's) and
 *       together with thinking (Anthropic does not force a tool while thinking).
 * </ul>
 */
final class ToolMapper {

  /** The forced output tool's name when the schema has none (and for {@code json_object}). */
  static final String JSON_TOOL = "json_response";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ToolMapper() {}

  /** Writes {@code tools} and {@code tool_choice} of {@code body}, or the output tool. */
  static void map(ObjectNode request, ObjectNode body, Reasoning reasoning) {
    JsonNode tools = request.get("tools");
    boolean hasTools = tools != null && tools.isArray() && !tools.isEmpty();
    if (jsonOutput(request.get("response_format"), hasTools, reasoning, body)) {
      return;
    }
    if (!hasTools) {
      return;
    }
    ArrayNode mapped = body.putArray("tools");
    for (int i = 0; i < tools.size(); i++) {
      mapped.add(tool(tools.get(i), "tools[" + i + "]"));
    }
    ObjectNode choice = choice(request.get("tool_choice"));
    JsonNode parallel = request.get("parallel_tool_calls");
    if (parallel != null && !parallel.isNull() && !parallel.isBoolean()) {
      throw GatewayException.badRequest("parallel_tool_calls", "Invalid type for 'parallel_tool_calls': expected a boolean.");
    }
    if (parallel != null && parallel.isBoolean() && !parallel.asBoolean()) {
      choice = choice == null ? NODES.objectNode().put("type", "auto") : choice;
      if (!"none".equals(choice.get("type").asText())) {
        choice.put("disable_parallel_tool_use", true);
      }
    }
    if (choice != null) {
      body.set("tool_choice", choice);
    }
  }

  private static ObjectNode tool(JsonNode tool, String path) {
    JsonNode function = tool.path("function");
    if (!"function".equals(tool.path("type").asText()) || !function.path("name").isTextual()) {
      throw GatewayException.badRequest(path, "Invalid '" + path + "': Anthropic models take function tools only: "
          + "{\"type\":\"function\",\"function\":{\"name\":...,\"parameters\":{...}}}.");
    }
    ObjectNode mapped = NODES.objectNode().put("name", function.get("name").asText());
    if (function.path("description").isTextual()) {
      mapped.put("description", function.get("description").asText());
    }
    JsonNode parameters = function.get("parameters");
    mapped.set("input_schema", parameters != null && parameters.isObject() ? parameters
        : NODES.objectNode().put("type", "object").set("properties", NODES.objectNode()));
    return mapped;
  }

  private static ObjectNode choice(JsonNode choice) {
    if (choice == null || choice.isNull()) {
      return null;
    }
    if (choice.isTextual()) {
      String type = switch (choice.asText()) {
        case "auto" -> "auto";
        case "none" -> "none";
        case "required" -> "any";
        default -> throw GatewayException.badRequest("tool_choice",
            "Invalid 'tool_choice': expected auto, none, required or a named function.");
      };
      return NODES.objectNode().put("type", type);
    }
    JsonNode name = choice.path("function").path("name");
    if (!"function".equals(choice.path("type").asText()) || !name.isTextual()) {
      throw GatewayException.badRequest("tool_choice", "Invalid 'tool_choice': expected auto, none, required or "
          + "{\"type\":\"function\",\"function\":{\"name\":...}}.");
    }
    return NODES.objectNode().put("type", "tool").put("name", name.asText());
  }

  /** Adds the forced output tool for a JSON {@code response_format}; false when there is none. */
  private static boolean jsonOutput(JsonNode format, boolean hasTools, Reasoning reasoning, ObjectNode body) {
    String type = format == null ? "" : format.path("type").asText();
    if (format == null || format.isNull() || "text".equals(type)) {
      return false;
    }
    ObjectNode tool = switch (type) {
      case "json_object" -> outputTool(JSON_TOOL, "Respond with a JSON object.", NODES.objectNode().put("type", "object"));
      case "json_schema" -> schemaTool(format.path("json_schema"));
      default -> throw GatewayException.badRequest("response_format.type",
          "Invalid 'response_format.type': expected text, json_object or json_schema.");
    };
    if (hasTools || reasoning.enabled()) {
      throw GatewayException.badRequest("response_format", "An Anthropic model returns JSON output through a "
          + "forced tool, so 'response_format' " + type + " cannot be combined with "
          + (hasTools ? "'tools'." : "reasoning (thinking)."));
    }
    body.putArray("tools").add(tool);
    body.putObject("tool_choice").put("type", "tool").put("name", tool.get("name").asText());
    return true;
  }

  private static ObjectNode schemaTool(JsonNode spec) {
    JsonNode schema = spec.path("schema");
    if (!schema.isObject()) {
      throw GatewayException.badRequest("response_format.json_schema.schema",
          "Missing required parameter: 'response_format.json_schema.schema' (a JSON schema object).");
    }
    if (schema.has("type") && !"object".equals(schema.path("type").asText())) {
      throw GatewayException.badRequest("response_format.json_schema.schema",
          "Invalid 'response_format.json_schema.schema': an Anthropic model can be held to a schema whose root "
              + "type is object only.");
    }
    JsonNode name = spec.path("name");
    String description = spec.path("description").isTextual() ? spec.get("description").asText()
        : "Respond with JSON that matches this schema.";
    return outputTool(name.isTextual() && !name.asText().isEmpty() ? name.asText() : JSON_TOOL, description, schema);
  }

  private static ObjectNode outputTool(String name, String description, JsonNode schema) {
    ObjectNode tool = NODES.objectNode().put("name", name).put("description", description);
    tool.set("input_schema", schema);
    return tool;
  }
}
