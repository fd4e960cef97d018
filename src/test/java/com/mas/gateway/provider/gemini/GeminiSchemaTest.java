package com.mas.gateway.provider.gemini;

import static com.mas.gateway.provider.gemini.GeminiRequestMapperTest.JSON;
import static com.mas.gateway.provider.gemini.GeminiRequestMapperTest.map;
import static com.mas.gateway.provider.gemini.GeminiRequestMapperTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mas.gateway.api.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tool parameter schemas translated to Gemini's OpenAPI subset (ai.google.dev/api Schema;
 * js-genai {@code Schema}), and the keywords it cannot express refused with their path.
 */
class GeminiSchemaTest {

  private static String tool(String parameters) {
    return "{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"tools\":["
        + "{\"type\":\"function\",\"function\":{\"name\":\"a\",\"parameters\":{\"type\":\"object\",\"properties\":"
        + "{\"ok\":{\"type\":\"boolean\"}}}}},"
        + "{\"type\":\"function\",\"function\":{\"name\":\"f\",\"description\":\"d\",\"parameters\":" + parameters + "}}]}";
  }

  /** JSON written with single quotes, as the CSV rows hold it. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static JsonNode translated(String parameters) {
    return map(tool(parameters)).at("/tools/0/functionDeclarations/1/parameters");
  }

  @Test
  void translates_the_supported_subset_recursively() throws Exception {
    JsonNode schema = translated("""
        {"type":"object","$schema":"http://json-schema.org/draft-07/schema#","title":"Args",
         "properties":{
           "when":{"type":"string","format":"date-time","description":"ISO time","pattern":"^\\\\d"},
           "tags":{"type":"array","items":{"type":"string","enum":["a","b"]},"minItems":1,"maxItems":3},
           "score":{"type":["number","null"],"minimum":0,"maximum":1.5,"default":0.5},
           "mode":{"const":"fast"},
           "level":{"enum":["lo","hi",null]},
           "nested":{"type":"object","properties":{"n":{"type":"integer","format":"int64"}},"required":["n"],
             "additionalProperties":false,"propertyOrdering":["n"]},
           "either":{"anyOf":[{"type":"string"},{"type":"integer"}]},
           "maybe":{"anyOf":[{"type":"string","maxLength":5},{"type":"null"}],"description":"opt"}},
         "required":["when"],"additionalProperties":false}
        """);

    assertThat(schema).isEqualTo(JSON.readTree("""
        {"type":"OBJECT","title":"Args",
         "properties":{
           "when":{"type":"STRING","format":"date-time","description":"ISO time","pattern":"^\\\\d"},
           "tags":{"type":"ARRAY","items":{"type":"STRING","enum":["a","b"]},"minItems":1,"maxItems":3},
           "score":{"type":"NUMBER","nullable":true,"minimum":0,"maximum":1.5,"default":0.5},
           "mode":{"enum":["fast"]},
           "level":{"enum":["lo","hi"],"nullable":true},
           "nested":{"type":"OBJECT","properties":{"n":{"type":"INTEGER","format":"int64"}},"required":["n"],
             "propertyOrdering":["n"]},
           "either":{"anyOf":[{"type":"STRING"},{"type":"INTEGER"}]},
           "maybe":{"nullable":true,"type":"STRING","maxLength":5,"description":"opt"}},
         "required":["when"]}
        """));
  }

  @Test
  void declarations_carry_name_and_description() {
    JsonNode declaration = map(tool("{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"STRING\"}}}"))
        .at("/tools/0/functionDeclarations/1");

    assertThat(declaration.toString()).isEqualTo("{\"name\":\"f\",\"description\":\"d\",\"parameters\":"
        + "{\"type\":\"OBJECT\",\"properties\":{\"x\":{\"type\":\"STRING\"}}}}");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "{'type':'object','properties':{'x':{'$ref':'#/$defs/X'}}}|.properties.x.$ref",
      "{'type':'object','$defs':{},'properties':{'x':{'type':'string'}}}|.$defs",
      "{'type':'object','properties':{'x':{'oneOf':[{'type':'string'}]}}}|.properties.x.oneOf",
      "{'type':'object','properties':{'x':{'allOf':[{'type':'string'}]}}}|.properties.x.allOf",
      "{'type':'object','patternProperties':{'^a':{'type':'string'}}}|.patternProperties",
      "{'type':'object','additionalProperties':{'type':'string'}}|.additionalProperties",
      "{'type':'object','properties':{'x':{'type':['string','integer']}}}|.properties.x.type",
      "{'type':'object','properties':{'x':{'type':['null']}}}|.properties.x.type",
      "{'type':'object','properties':{'x':{'type':'null'}}}|.properties.x.type",
      "{'type':'object','properties':{'x':{'type':'array','items':[{'type':'string'}]}}}|.properties.x.items",
      "{'type':'object','properties':{'x':{'type':'integer','enum':[1,2]}}}|.properties.x.enum",
      "{'type':'object','properties':{'x':{'const':3}}}|.properties.x.const",
      "{'type':'object','properties':{'x':{'type':'number','exclusiveMinimum':0}}}|.properties.x.exclusiveMinimum",
      "{'type':'object','properties':{'x':{'anyOf':[{'type':'string'},{'not':{}}]}}}|.properties.x.anyOf[1].not",
      "{'type':'object','properties':{'x':'string'}}|.properties.x"})
  void refuses_what_the_subset_cannot_express_naming_the_keyword(String parameters, String path) {
    GatewayException error = refusal(tool(json(parameters)));
    String param = "tools[1].function.parameters" + path;

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.param()).isEqualTo(param);
    assertThat(error.getMessage()).contains(param);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "{'type':'retrieval'}|tools[0].type",
      "{'type':'function','function':{'description':'no name'}}|tools[0].function.name"})
  void refuses_tools_that_are_not_named_functions(String tool, String param) {
    GatewayException error = refusal("{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"tools\":["
        + json(tool) + "]}");

    assertThat(error.param()).isEqualTo(param);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "'auto'|{'mode':'AUTO'}", "'none'|{'mode':'NONE'}", "'required'|{'mode':'ANY'}",
      "{'type':'function','function':{'name':'f'}}|{'mode':'ANY','allowedFunctionNames':['f']}"})
  void tool_choice_becomes_the_function_calling_mode(String choice, String config) {
    String request = tool("{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}}}");
    request = request.substring(0, request.length() - 1)  + ",\"tool_choice\":" + json(choice) + "}";

    assertThat(map(request).at("/toolConfig/functionCallingConfig").toString()).isEqualTo(json(config));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "'sometimes'|tool_choice", "{'type':'function','function':{'name':'nope'}}|tool_choice.function.name",
      "{'type':'allowed_tools','allowed_tools':{'mode':'auto','tools':[]}}|tool_choice"})
  void refuses_a_tool_choice_it_cannot_express(String choice, String param) {
    String request = tool("{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}}}");

    assertThat(refusal(request.substring(0, request.length() - 1)  + ",\"tool_choice\":" + json(choice) + "}").param())
        .isEqualTo(param);
  }
}
