package com.mas.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.ChatRequestParser;
import com.mas.gateway.testkit.Conformance;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OpenAI requests mapped by {@link GeminiRequestMapper}, against the Gemini requests of
 * ../shared/conformance/gemini ({@code request_full.json} written from the documented shapes;
 * the {@code *.request.json} reconstructed for the recordings), and field by field.
 */
class GeminiRequestMapperTest {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";

  /** The Gemini body for an OpenAI request given as JSON (validated by the gateway's parser first). */
  static JsonNode map(String openAi) {
    ObjectNode json = new ChatRequestParser().parse(openAi.getBytes(StandardCharsets.UTF_8)).json();
    return reparse(new GeminiRequestMapper().map(json));
  }

  static GatewayException refusal(String openAi) {
    return (GatewayException) org.assertj.core.api.Assertions.catchThrowable(() -> map(openAi));
  }

  private static JsonNode reparse(JsonNode node) {
    try {
      return JSON.readTree(JSON.writeValueAsBytes(node));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode conformance(String file) throws Exception {
    return (ObjectNode) JSON.readTree(Conformance.text("gemini/" + file));
  }

  @Test
  void full_request_matches_request_full_json() throws Exception {
    String openAi = """
        {"model":"gemini-2.0-flash","temperature":0.7,"max_tokens":512,"tool_choice":"auto","messages":[
          {"role":"system","content":"You are a concise assistant."},
          {"role":"user","content":[
            {"type":"image_url","image_url":{"url":"data:image/png;base64,%s","detail":"low"}},
            {"type":"text","text":"What is in this image?"}]},
          {"role":"assistant","content":"A single white pixel."},
          {"role":"user","content":"What's the weather in Boston?"},
          {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
            "function":{"name":"get_current_weather","arguments":"{\\"location\\":\\"Boston, MA\\"}"}}]},
          {"role":"tool","tool_call_id":"call_1","content":"{\\"temperature\\":22,\\"unit\\":\\"celsius\\"}"}],
         "tools":[{"type":"function","function":{"name":"get_current_weather",
           "description":"Get the current weather in a given location","strict":false,
           "parameters":{"type":"object","properties":{
             "location":{"type":"string","description":"The city and state, e.g. San Francisco, CA"},
             "unit":{"type":"string","enum":["celsius","fahrenheit"]}},
           "required":["location"],"additionalProperties":false}}}]}
        """.formatted("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    ObjectNode expected = conformance("request_full.json");
    // The one documented addition: replayed calls carry Google's stand-in thought signature.
    ((ObjectNode) expected.at("/contents/3/parts/0")).put("thoughtSignature", "skip_thought_signature_validator");

    assertThat(map(openAi)).isEqualTo(expected);
  }

  @Test
  void recorded_requests_match_their_reconstructions() throws Exception {
    assertThat(map("{\"model\":\"gemini-2.0-flash\",\"stream\":true,\"messages\":[{\"role\":\"user\","
        + "\"content\":\"What is the capital of Wyoming?\"}]}")).isEqualTo(conformance("stream_text.request.json"));
    assertThat(map("{\"model\":\"gemini-2.0-flash\",\"messages\":[{\"role\":\"user\","
        + "\"content\":\"Where is Google headquarters located?\"}]}")).isEqualTo(conformance("nonstream.request.json"));
    ObjectNode thinking = conformance("stream_thinking.request.json");
    ((ObjectNode) thinking.at("/generationConfig/thinkingConfig")).put("thinkingBudget", 1024);
    assertThat(map("{\"model\":\"gemini-2.5-flash\",\"stream\":true,\"reasoning_effort\":\"low\",\"messages\":"
        + "[{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}]}")).isEqualTo(thinking);
  }

  @Test
  void a_tool_without_properties_is_declared_without_parameters() throws Exception {
    ObjectNode expected = conformance("stream_function_call.request.json");
    ((ObjectNode) expected.at("/generationConfig/thinkingConfig")).put("thinkingBudget", 8192);

    assertThat(map("{\"model\":\"gemini-2.5-flash\",\"stream\":true,\"reasoning_effort\":\"medium\",\"messages\":"
        + "[{\"role\":\"user\",\"content\":\"How many days until New Year's Eve?\"}],\"tools\":[{\"type\":"
        + "\"function\",\"function\":{\"name\":\"now\",\"description\":\"Returns the current date and time.\","
        + "\"parameters\":{\"type\":\"object\",\"properties\":{}}}}]}")).isEqualTo(expected);
  }

  @Test
  void generation_config_takes_each_sampling_field() {
    JsonNode config = map("{\"model\":\"g\"," + USER + ",\"temperature\":0.25,\"top_p\":0.9,\"top_k\":40,"
        + "\"max_tokens\":100,\"max_completion_tokens\":200,\"stop\":[\"END\",\"STOP\"],\"seed\":42,"
        + "\"presence_penalty\":0.5,\"frequency_penalty\":-0.5,\"user\":\"u1\",\"metadata\":{\"a\":\"b\"},"
        + "\"parallel_tool_calls\":true,\"store\":false,\"service_tier\":\"auto\",\"n\":1}").get("generationConfig");

    assertThat(config.toString()).isEqualTo("{\"temperature\":0.25,\"topP\":0.9,\"topK\":40,\"maxOutputTokens\":200,"
        + "\"stopSequences\":[\"END\",\"STOP\"],\"seed\":42,\"presencePenalty\":0.5,\"frequencyPenalty\":-0.5}");
  }

  @Test
  void max_tokens_and_a_single_stop_string() {
    JsonNode config = map("{\"model\":\"g\"," + USER + ",\"max_tokens\":64,\"stop\":\"\\n\\n\"}").get("generationConfig");

    assertThat(config.toString()).isEqualTo("{\"maxOutputTokens\":64,\"stopSequences\":[\"\\n\\n\"]}");
  }

  @Test
  void response_format_json_object_and_json_schema() {
    assertThat(map("{\"model\":\"g\"," + USER + ",\"response_format\":{\"type\":\"json_object\"}}")
        .at("/generationConfig").toString()).isEqualTo("{\"responseMimeType\":\"application/json\"}");
    assertThat(map("{\"model\":\"g\"," + USER + ",\"response_format\":{\"type\":\"text\"}}").has("generationConfig"))
        .isFalse();
    JsonNode config = map("{\"model\":\"g\"," + USER + ",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":"
        + "{\"name\":\"answer\",\"strict\":true,\"schema\":{\"type\":\"object\",\"properties\":{\"n\":{\"type\":"
        + "[\"integer\",\"null\"]}},\"required\":[\"n\"],\"additionalProperties\":false}}}}").get("generationConfig");
    assertThat(config.toString()).isEqualTo("{\"responseMimeType\":\"application/json\",\"responseSchema\":{\"type\":"
        + "\"OBJECT\",\"properties\":{\"n\":{\"type\":\"INTEGER\",\"nullable\":true}},\"required\":[\"n\"]}}");
  }

  @Test
  void a_json_schema_gemini_cannot_express_names_the_response_format_path() {
    GatewayException error = refusal("{\"model\":\"g\"," + USER + ",\"response_format\":{\"type\":\"json_schema\","
        + "\"json_schema\":{\"name\":\"a\",\"schema\":{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"#/$defs/X\"}}}}}}");

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.param()).isEqualTo("response_format.json_schema.schema.properties.x.$ref");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"minimal,512", "low,1024", "medium,8192", "high,24576"})
  void reasoning_effort_asks_for_thoughts_with_a_budget(String effort, int budget) {
    JsonNode thinking = map("{\"model\":\"g\"," + USER + ",\"reasoning_effort\":\"" + effort + "\"}")
        .at("/generationConfig/thinkingConfig");

    assertThat(thinking.toString()).isEqualTo("{\"includeThoughts\":true,\"thinkingBudget\":" + budget + "}");
  }

  @Test
  void reasoning_effort_none_turns_thinking_off_and_opts_out_of_thoughts() {
    String request = "{\"model\":\"g\"," + USER + ",\"reasoning_effort\":\"none\"}";

    assertThat(map(request).at("/generationConfig/thinkingConfig").toString()).isEqualTo("{\"thinkingBudget\":0}");
    assertThat(GeminiRequestMapper.wantsThoughts(new ChatRequestParser().parse(request.getBytes()).json())).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "'n':2|n", "'logprobs':true|logprobs", "'top_logprobs':3|top_logprobs", "'logit_bias':{'50256':-100}|logit_bias",
      "'audio':{'voice':'alloy','format':'wav'}|audio", "'modalities':['text','audio']|modalities",
      "'functions':[{'name':'f'}]|functions", "'function_call':'auto'|function_call",
      "'web_search_options':{}|web_search_options", "'reasoning_effort':'extreme'|reasoning_effort",
      "'response_format':{'type':'xml'}|response_format.type",
      "'response_format':{'type':'json_schema','json_schema':{'name':'a'}}|response_format.json_schema.schema",
      "'stop':['a',1]|stop[1]", "'top_k':'many'|top_k"})
  void refuses_what_gemini_cannot_do_naming_the_parameter(String field, String param) {
    GatewayException error = refusal("{\"model\":\"g\"," + USER + "," + GeminiSchemaTest.json(field) + "}");

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.type()).isEqualTo("invalid_request_error");
    assertThat(error.param()).isEqualTo(param);
  }

  @Test
  void harmless_and_unknown_fields_are_ignored() {
    assertThat(map("{\"model\":\"g\"," + USER + ",\"logprobs\":false,\"logit_bias\":{},\"modalities\":[\"text\"],"
        + "\"prediction\":{\"type\":\"content\",\"content\":\"x\"},\"x_vendor\":{\"a\":1}}").toString())
        .isEqualTo("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]}");
  }

  @Test
  void body_is_the_serialised_mapping() {
    var request = new ChatRequestParser().parse(("{\"model\":\"g\"," + USER + "}").getBytes());

    assertThat(new GeminiRequestMapper().body(request).toString())
        .isEqualTo("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]}");
    assertThatThrownBy(() -> new GeminiRequestMapper().body(new ChatRequestParser().parse(
        ("{\"model\":\"g\"," + USER + ",\"n\":3}").getBytes()))).isInstanceOf(GatewayException.class);
  }
}
