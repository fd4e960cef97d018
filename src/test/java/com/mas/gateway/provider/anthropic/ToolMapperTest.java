package com.mas.gateway.provider.anthropic;

import static com.mas.gateway.provider.anthropic.Requests.map;
import static com.mas.gateway.provider.anthropic.Requests.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tools, tool choice and JSON output ({@link ToolMapper}). */
class ToolMapperTest {

  private static final String TOOLS = "'tools':[{'type':'function','function':{'name':'find_product',"
      + "'description':'Finds a product','parameters':{'type':'object','properties':{'q':{'type':'string'}}},"
      + "'strict':true}},{'type':'function','function':{'name':'ping'}}]";

  private static String quoted(ObjectNode body, String field) {
    return body.get(field) == null ? null : body.get(field).toString().replace('"', '\'');
  }

  @Test
  void function_tools_become_name_description_and_input_schema() {
    assertThat(quoted(map(TOOLS), "tools")).isEqualTo("[{'name':'find_product','description':'Finds a product',"
        + "'input_schema':{'type':'object','properties':{'q':{'type':'string'}}}},"
        + "{'name':'ping','input_schema':{'type':'object','properties':{}}}]");
    assertThat(map(TOOLS).has("tool_choice")).isFalse();
  }

  @Test
  void other_tool_types_are_refused_naming_the_tool() {
    refused("'tools':[{'type':'function','function':{'name':'a'}},{'type':'custom','custom':{'name':'b'}}]",
        "tools[1]");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"'auto' | {'type':'auto'}", "'none' | {'type':'none'}",
      "'required' | {'type':'any'}",
      "{'type':'function','function':{'name':'ping'}} | {'type':'tool','name':'ping'}"})
  void tool_choice_maps_to_anthropics(String choice, String expected) {
    assertThat(quoted(map(TOOLS + ",'tool_choice':" + choice), "tool_choice")).isEqualTo(expected);
  }

  @Test
  void an_unknown_tool_choice_is_refused() {
    refused(TOOLS + ",'tool_choice':'sometimes'", "tool_choice");
    refused(TOOLS + ",'tool_choice':{'type':'allowed_tools'}", "tool_choice");
  }

  @Test
  void parallel_tool_calls_false_disables_parallel_use_on_the_choice() {
    assertThat(quoted(map(TOOLS + ",'parallel_tool_calls':false"), "tool_choice"))
        .isEqualTo("{'type':'auto','disable_parallel_tool_use':true}");
    assertThat(quoted(map(TOOLS + ",'parallel_tool_calls':false,'tool_choice':'required'"), "tool_choice"))
        .isEqualTo("{'type':'any','disable_parallel_tool_use':true}");
    assertThat(quoted(map(TOOLS + ",'parallel_tool_calls':false,'tool_choice':'none'"), "tool_choice"))
        .isEqualTo("{'type':'none'}");
    assertThat(map(TOOLS + ",'parallel_tool_calls':true").has("tool_choice")).isFalse();
    refused(TOOLS + ",'parallel_tool_calls':'no'", "parallel_tool_calls");
  }

  @Test
  void without_tools_no_tool_choice_is_sent() {
    assertThat(map("'tools':[],'tool_choice':'none','parallel_tool_calls':false").has("tool_choice")).isFalse();
  }

  @Test
  void json_schema_output_is_a_forced_tool_named_like_the_schema() {
    ObjectNode body = map("'response_format':{'type':'json_schema','json_schema':{'name':'review','strict':true,"
        + "'schema':{'type':'object','properties':{'ok':{'type':'boolean'}},'required':['ok']}}}");

    assertThat(quoted(body, "tools")).isEqualTo("[{'name':'review','description':'Respond with JSON that matches "
        + "this schema.','input_schema':{'type':'object','properties':{'ok':{'type':'boolean'}},'required':['ok']}}]");
    assertThat(quoted(body, "tool_choice")).isEqualTo("{'type':'tool','name':'review'}");
  }

  @Test
  void json_object_output_is_a_forced_tool_taking_any_object() {
    ObjectNode body = map("'response_format':{'type':'json_object'}");

    assertThat(quoted(body, "tools")).isEqualTo("[{'name':'" + ToolMapper.JSON_TOOL + "','description':'Respond "
        + "with a JSON object.','input_schema':{'type':'object'}}]");
    assertThat(quoted(body, "tool_choice")).isEqualTo("{'type':'tool','name':'" + ToolMapper.JSON_TOOL + "'}");
    assertThat(map("'response_format':{'type':'text'}").has("tools")).isFalse();
  }

  @Test
  void json_output_that_cannot_be_emulated_is_refused() {
    refused(TOOLS + ",'response_format':{'type':'json_object'}", "response_format");
    refused("'reasoning_effort':'low','response_format':{'type':'json_object'}", "response_format");
    refused("'response_format':{'type':'json_schema','json_schema':{'name':'x'}}", "response_format.json_schema.schema");
    refused("'response_format':{'type':'json_schema','json_schema':{'name':'x','schema':{'type':'array'}}}",
        "response_format.json_schema.schema");
    refused("'response_format':{'type':'yaml'}", "response_format.type");
  }
}
