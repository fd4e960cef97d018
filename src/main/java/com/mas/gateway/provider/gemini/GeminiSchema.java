package com.mas.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.api.GatewayException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates a JSON Schema, as OpenAI tools ({@code function.parameters}) and
 * {@code response_format.json_schema.schema} carry it, into Gemini's {@code Schema}: "a select
 * subset of an OpenAPI 3.0 schema object" (ai.google.dev/api Schema; the js-genai {@code Schema}
 * type lists the same fields). Keyword by keyword:
 *
 * <table>
 *   <caption>JSON Schema keyword → Gemini Schema</caption>
 *   <tr><th>keyword</th><th>becomes</th></tr>
 *   <tr><td>{@code type} "string" … "object"</td><td>{@code type} upper-cased ({@code STRING}, …)</td></tr>
 *   <tr><td>{@code type: [T, "null"]}</td>
 *       <td>{@code type: T, nullable: true}; any other type array is refused</td></tr>
 *   <tr><td>{@code enum} of strings</td>
 *       <td>{@code enum}; a {@code null} member sets {@code nullable}; other members are refused</td></tr>
 *   <tr><td>{@code const} string</td><td>{@code enum: [value]}; a non-string {@code const} is refused</td></tr>
 *   <tr><td>{@code properties}, {@code items}, {@code anyOf}</td><td>the same, translated recursively;
 *       {@code {"type":"null"}} members of {@code anyOf} set {@code nullable} instead, and an
 *       {@code anyOf} left with one member is merged into its parent</td></tr>
 *   <tr><td>{@code description title format nullable required minItems maxItems minimum maximum
 *       minLength maxLength pattern minProperties maxProperties propertyOrdering default example}</td>
 *       <td>copied unchanged</td></tr>
 *   <tr><td>{@code additionalProperties} true/false, {@code $schema $id $comment examples readOnly
 *       writeOnly deprecated}</td><td>dropped: annotations Gemini rejects as unknown fields and
 *       that constrain nothing it can check (OpenAI strict schemas always carry
 *       {@code additionalProperties: false})</td></tr>
 *   <tr><td>anything else: {@code $ref $defs oneOf allOf not if/then/else patternProperties
 *       additionalProperties} as a schema, tuple {@code items}, {@code prefixItems}
 *       {@code exclusiveMinimum multipleOf uniqueItems}, …</td><td>refused: a 400 naming the
 *       keyword's path, e.g. {@code tools[0].function.parameters.properties.x.oneOf}</td></tr>
 * </table>
 */
final class GeminiSchema {

  private static final Set<String> COPIED = Set.of("description", "title", "format", "nullable", "required",
      "minItems", "maxItems", "minimum", "maximum", "minLength", "maxLength", "pattern", "minProperties",
      "maxProperties", "propertyOrdering", "default", "example");
  private static final Set<String> DROPPED = Set.of("$schema", "$id", "$comment", "examples", "readOnly",
      "writeOnly", "deprecated");
  private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "array", "object");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GeminiSchema() {}

  /** The Gemini schema for {@code schema}; {@code path} names it in the client's request. */
  static ObjectNode translate(JsonNode schema, String path) {
    if (!schema.isObject()) {
      throw Refusals.invalid(path, "Invalid '" + path + "': expected a JSON Schema object.");
    }
    ObjectNode out = NODES.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      keyword(field.getKey(), field.getValue(), path, out);
    }
    return out;
  }

  private static void keyword(String name, JsonNode value, String path, ObjectNode out) {
    String at = path + "." + name;
    switch (name) {
      case "type" -> type(value, at, out);
      case "enum" -> enumeration(value, at, out);
      case "const" -> constant(value, at, out);
      case "properties" -> properties(value, at, out);
      case "items" -> items(value, at, out);
      case "anyOf" -> anyOf(value, at, out);
      case "additionalProperties" -> additionalProperties(value, at);
      default -> other(name, value, at, out);
    }
  }

  private static void other(String name, JsonNode value, String at, ObjectNode out) {
    if (COPIED.contains(name)) {
      out.set(name, value);
    } else if (!DROPPED.contains(name)) {
      throw Refusals.unsupported(at, "The JSON Schema keyword '" + name + "' at '" + at
          + "' cannot be expressed in Gemini's schema subset (no $ref, oneOf, allOf, not, patternProperties,"
          + " tuples or numeric exclusive bounds); simplify the schema.");
    }
  }

  private static void type(JsonNode type, String at, ObjectNode out) {
    if (type.isTextual()) {
      out.put("type", geminiType(type.asText(), at));
      return;
    }
    if (!type.isArray()) {
      throw Refusals.invalid(at, "Invalid '" + at + "': expected a type name or an array of type names.");
    }
    String single = null;
    boolean nullable = false;
    for (JsonNode member : type) {
      if (member.isTextual() && "null".equals(member.asText())) {
        nullable = true;
      } else if (single == null && member.isTextual()) {
        single = member.asText();
      } else {
        throw typeArray(at);
      }
    }
    if (single == null) {
      throw typeArray(at);
    }
    out.put("type", geminiType(single, at));
    if (nullable) {
      out.put("nullable", true);
    }
  }

  private static GatewayException typeArray(String at) {
    return Refusals.unsupported(at, "The type array at '" + at + "' cannot be expressed: Gemini "
        + "takes one type, optionally nullable, so only [T] and [T, \"null\"] are accepted.");
  }

  private static String geminiType(String name, String at) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!TYPES.contains(lower)) {
      throw Refusals.unsupported(at, "The type '" + name + "' at '" + at + "' cannot be expressed in Gemini's "
          + "schema subset; use string, number, integer, boolean, array or object (optionally with \"null\").");
    }
    return lower.toUpperCase(Locale.ROOT);
  }

  private static void enumeration(JsonNode values, String at, ObjectNode out) {
    if (!values.isArray()) {
      throw Refusals.invalid(at, "Invalid '" + at + "': expected an array.");
    }
    ArrayNode strings = out.putArray("enum");
    for (JsonNode value : values) {
      if (value.isNull()) {
        out.put("nullable", true);
      } else if (value.isTextual()) {
        strings.add(value);
      } else {
        throw Refusals.unsupported(at, "The enum at '" + at + "' has a non-string value; Gemini enums hold "
            + "strings only.");
      }
    }
  }

  private static void constant(JsonNode value, String at, ObjectNode out) {
    if (!value.isTextual()) {
      throw Refusals.unsupported(at, "The const at '" + at + "' is not a string; Gemini can only express a "
          + "string constant (as a one-value enum).");
    }
    out.putArray("enum").add(value);
  }

  private static void properties(JsonNode properties, String at, ObjectNode out) {
    if (!properties.isObject()) {
      throw Refusals.invalid(at, "Invalid '" + at + "': expected an object of schemas.");
    }
    ObjectNode translated = out.putObject("properties");
    properties.fields().forEachRemaining(p -> translated.set(p.getKey(), translate(p.getValue(), at + "." + p.getKey())));
  }

  private static void items(JsonNode items, String at, ObjectNode out) {
    if (!items.isObject()) {
      throw Refusals.unsupported(at, "The items at '" + at + "' are not a single schema; Gemini has no tuple "
          + "arrays.");
    }
    out.set("items", translate(items, at));
  }

  private static void anyOf(JsonNode members, String at, ObjectNode out) {
    if (!members.isArray() || members.isEmpty()) {
      throw Refusals.invalid(at, "Invalid '" + at + "': expected a non-empty array of schemas.");
    }
    ArrayNode kept = NODES.arrayNode();
    for (int i = 0; i < members.size(); i++) {
      JsonNode member = members.get(i);
      if (member.size() == 1 && "null".equals(member.path("type").asText())) {
        out.put("nullable", true);
      } else {
        kept.add(translate(member, at + "[" + i + "]"));
      }
    }
    if (kept.size() == 1) {
      out.setAll((ObjectNode) kept.get(0));
    } else if (!kept.isEmpty()) {
      out.set("anyOf", kept);
    }
  }

  private static void additionalProperties(JsonNode value, String at) {
    if (!value.isBoolean()) {
      throw Refusals.unsupported(at, "The schema-valued additionalProperties at '" + at + "' cannot be "
          + "expressed: Gemini objects have fixed properties (no maps).");
    }
  }
}
