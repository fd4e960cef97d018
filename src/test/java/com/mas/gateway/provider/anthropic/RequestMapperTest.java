package com.mas.gateway.provider.anthropic;

import static com.mas.gateway.provider.anthropic.Requests.map;
import static com.mas.gateway.provider.anthropic.Requests.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.config.ModelCapabilities;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each top-level OpenAI field and what {@link RequestMapper} makes of it. */
class RequestMapperTest {

  private static final ModelCapabilities DECLARED = new ModelCapabilities(true, true, true, 200_000, 8000, 1000);

  @Test
  void a_minimal_request_gets_the_model_the_default_max_tokens_and_the_messages() {
    ObjectNode body = map("'model':'claude-x'");

    assertThat(body.toString()).isEqualTo(
        "{\"model\":\"claude-test\",\"max_tokens\":4096,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
  }

  @Test
  void max_completion_tokens_wins_over_max_tokens_which_wins_over_the_model_default() {
    assertThat(map("'max_completion_tokens':300,'max_tokens':200", DECLARED).get("max_tokens").asLong()).isEqualTo(300);
    assertThat(map("'max_tokens':200", DECLARED).get("max_tokens").asLong()).isEqualTo(200);
    assertThat(map("'model':'x'", DECLARED).get("max_tokens").asLong()).isEqualTo(1000);
    assertThat(map("'model':'x'").get("max_tokens").asLong()).isEqualTo(RequestMapper.DEFAULT_MAX_TOKENS);
  }

  @ParameterizedTest(name = "{0} -> budget {1}")
  @CsvSource({"minimal, 1024", "low, 1024", "medium, 2048", "high, 4096"})
  void reasoning_effort_turns_on_thinking_with_a_budget_added_to_the_default_limit(String effort, long budget) {
    ObjectNode body = map("'reasoning_effort':'" + effort + "'");

    assertThat(body.get("thinking").toString())
        .isEqualTo("{\"type\":\"enabled\",\"budget_tokens\":" + budget + "}");
    assertThat(body.get("max_tokens").asLong()).isEqualTo(RequestMapper.DEFAULT_MAX_TOKENS + budget);
  }

  @Test
  void the_limit_with_thinking_stays_within_the_models_maximum_output() {
    ModelCapabilities small = new ModelCapabilities(true, true, true, 0, 5000, 4000);

    assertThat(map("'reasoning_effort':'high'", small).get("max_tokens").asLong()).isEqualTo(5000);
  }

  @Test
  void a_conversation_ending_with_an_assistant_turn_to_continue_sends_no_thinking() {
    ObjectNode body = map("'reasoning_effort':'high','messages':[{'role':'user','content':'Hi'},"
        + "{'role':'assistant','content':'Hello, I'}]");

    assertThat(body.has("thinking")).isFalse();
  }

  @Test
  void reasoning_effort_none_sends_no_thinking_and_unknown_efforts_are_refused() {
    assertThat(map("'reasoning_effort':'none'").has("thinking")).isFalse();
    refused("'reasoning_effort':'extreme'", "reasoning_effort");
    refused("'reasoning_effort':3", "reasoning_effort");
  }

  @Test
  void a_limit_not_above_the_thinking_budget_is_refused() {
    assertThat(refused("'reasoning_effort':'high','max_tokens':4096", "max_tokens").getMessage()).contains("4096");
    refused("'thinking':{'type':'enabled','budget_tokens':2000},'max_completion_tokens':1500",
        "max_completion_tokens");
    ModelCapabilities tiny = new ModelCapabilities(true, true, true, 0, 4000, 1000);
    assertThatThrownBy(() -> map("'reasoning_effort':'high'", tiny)).hasMessageContaining("thinking budget");
  }

  @Test
  void the_native_thinking_object_is_sent_as_given_and_wins_over_reasoning_effort() {
    ObjectNode body = map("'thinking':{'type':'enabled','budget_tokens':16000},'reasoning_effort':'low',"
        + "'max_tokens':20000");

    assertThat(body.get("thinking").toString()).isEqualTo("{\"type\":\"enabled\",\"budget_tokens\":16000}");
    assertThat(body.get("max_tokens").asLong()).isEqualTo(20000);
    refused("'thinking':'on'", "thinking");
  }

  @Test
  void thinking_is_left_out_while_a_tool_loop_is_open() {
    String loop = "'reasoning_effort':'low','messages':[{'role':'user','content':'Stock?'},{'role':'assistant',"
        + "'tool_calls':[{'id':'c1','type':'function','function':{'name':'stock','arguments':'{}'}}]},"
        + "{'role':'tool','tool_call_id':'c1','content':'3'}";

    assertThat(map(loop + "]").has("thinking")).isFalse();
    assertThat(map(loop + ",{'role':'assistant','content':'3 left.'},{'role':'user','content':'Thanks'}]")
        .has("thinking")).isTrue();
  }

  @Test
  void stop_becomes_stop_sequences() {
    assertThat(map("'stop':'END'").get("stop_sequences").toString()).isEqualTo("[\"END\"]");
    assertThat(map("'stop':['a','','b']").get("stop_sequences").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(map("'stop':[]").has("stop_sequences")).isFalse();
    refused("'stop':['a',1]", "stop");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0, 0", "0.7, 0.7", "1, 1", "1.0, 1.0", "1.5, 1", "2, 1"})
  void temperature_above_anthropics_maximum_is_clamped_to_one(String sent, String expected) {
    assertThat(map("'temperature':" + sent).get("temperature").decimalValue())
        .isEqualByComparingTo(new BigDecimal(expected));
  }

  @Test
  void top_p_user_and_stream_are_carried_over() {
    ObjectNode body = map("'top_p':0.9,'user':'agent-7','stream':true");

    assertThat(body.get("top_p").decimalValue()).isEqualByComparingTo("0.9");
    assertThat(body.get("metadata").toString()).isEqualTo("{\"user_id\":\"agent-7\"}");
    assertThat(body.get("stream").asBoolean()).isTrue();
    assertThat(map("'stream':false").has("stream")).isFalse();
    assertThat(map("'safety_identifier':'hash-1'").get("metadata").get("user_id").asText()).isEqualTo("hash-1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"'n':2 | n", "'logprobs':true | logprobs", "'top_logprobs':3 | top_logprobs",
      "'logit_bias':{'50256':-100} | logit_bias", "'audio':{'voice':'alloy'} | audio",
      "'modalities':['text','audio'] | modalities", "'functions':[{'name':'f'}] | functions",
      "'function_call':'auto' | function_call", "'web_search_options':{} | web_search_options"})
  void fields_anthropic_cannot_honour_are_refused_naming_the_field(String fields, String param) {
    assertThat(refused(fields, param).code()).isEqualTo("unsupported_parameter");
  }

  @Test
  void harmless_openai_only_fields_are_ignored() {
    ObjectNode body = map("'n':1,'logprobs':false,'logit_bias':{},'modalities':['text'],'seed':7,"
        + "'frequency_penalty':0.5,'presence_penalty':0.1,'stream_options':{'include_usage':true},'store':true,"
        + "'metadata':{'k':'v'},'service_tier':'auto','prompt_cache_key':'c','verbosity':'low','x_custom':1");

    assertThat(body.fieldNames()).toIterable().containsExactly("model", "max_tokens", "messages");
  }
}
