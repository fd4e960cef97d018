package com.mas.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Translates OpenAI {@code tools} and {@code tool_choice}.
 *
 * <ul>
 *   <li>{@code tools[i]} of type {@code function} → one {@code functionDeclarations} entry
 *       {@code {name, description, parameters}}, the parameters through {@link GeminiSchema}.
 *       Parameters that declare no properties are left out: Gemini refuses an {@code OBJECT}
 *       without properties, and a function without parameters is how it says "no arguments".
 *       {@code strict} is ignored (Gemini has no such switch). Other tool types are refused;
 *   <li>{@code tool_choice}: {@code auto} → {@code AUTO}, {@code none} → {@code NONE},
 *       {@code required} → {@code ANY}, {@code {"type":"function","function":{"name"}}} →
 *       {@code ANY} with {@code allowedFunctionNames: [name]} (the name must be one of the
 *       tools). {@code allowed_tools} and custom tools are refused.
 * </ul>
 */
final class GeminiTools {

  private GeminiTools() {}

  /** Writes {@code tools} and {@code toolConfig} into {@code body} when the request has them. */
  static void write(ObjectNode json, ObjectNode body) {
    Set<String> names = new HashSet<>();
    JsonNode tools = json.get("tools");
    if (tools != null && !tools.isNull() && !tools.isEmpty()) {
      ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
      for (int i = 0; i < tools.size(); i++) {
        ObjectNode declaration = declaration(tools.get(i), "tools[" + i + "]");
        names.add(declaration.get("name").asText());
        declarations.add(declaration);
      }
    }
    JsonNode choice = json.get("tool_choice");
    if (choice != null && !choice.isNull()) {
      body.putObject("toolConfig").set("functionCallingConfig", callingConfig(choice, names, body));
    }
  }

  private static ObjectNode declaration(JsonNode tool, String path) {
    if (!"function".equals(tool.path("type").asText())) {
      throw Refusals.unsupported(path + ".type", "Only function tools can be sent to Gemini; '" + path
          + ".type' is '" + tool.path("type").asText() + "'.");
    }
    JsonNode function = tool.path("function");
    JsonNode name = function.get("name");
    if (name == null || !name.isTextual() || name.asText().isEmpty()) {
      throw Refusals.invalid(path + ".function.name", "Missing required parameter: '" + path + ".function.name'.");
    }
    ObjectNode declaration = JsonNodeFactory.instance.objectNode();
    declaration.put("name", name.asText());
    JsonNode description = function.get("description");
    if (description != null && description.isTextual()) {
      declaration.set("description", description);
    }
    JsonNode parameters = function.get("parameters");
    if (parameters != null && !parameters.isNull()) {
      ObjectNode schema = GeminiSchema.translate(parameters, path + ".function.parameters");
      if (schema.path("properties").size() > 0) {
        declaration.set("parameters", schema);
      }
    }
    return declaration;
  }

  private static ObjectNode callingConfig(JsonNode choice, Set<String> names, ObjectNode body) {
    ObjectNode config = body.objectNode();
    if (choice.isTextual()) {
      config.put("mode", switch (choice.asText()) {
        case "auto" -> "AUTO";
        case "none" -> "NONE";
        case "required" -> "ANY";
        default -> throw Refusals.invalid("tool_choice", "Invalid 'tool_choice': expected auto, none, required "
            + "or a function.");
      });
      return config;
    }
    JsonNode name = choice.path("function").get("name");
    if (!"function".equals(choice.path("type").asText()) || name == null || !name.isTextual()) {
      throw Refusals.unsupported("tool_choice", "Gemini can be told to call one named function "
          + "({\"type\":\"function\",\"function\":{\"name\":...}}), any function (required), or none.");
    }
    if (!names.contains(name.asText())) {
      throw Refusals.invalid("tool_choice.function.name", "Invalid 'tool_choice.function.name': '" + name.asText()
          + "' is not one of the tools.");
    }
    config.put("mode", "ANY");
    config.putArray("allowedFunctionNames").add(name.asText());
    return config;
  }
}
