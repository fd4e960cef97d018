package com.mas.gateway.provider.anthropic;

import static com.mas.gateway.provider.anthropic.Requests.map;
import static com.mas.gateway.provider.anthropic.Requests.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** How OpenAI messages become Anthropic's system prompt and alternating turns ({@link ConversationMapper}). */
class ConversationMapperTest {

  private static ObjectNode messages(String messages) {
    return map("'messages':[" + messages + "]");
  }

  private static String turns(String messages) {
    return messages(messages).get("messages").toString().replace('"', '\'');
  }

  @Test
  void one_system_message_is_a_string_system_prompt() {
    ObjectNode body = messages("{'role':'system','content':'Be brief.'},{'role':'user','content':'Hi'}");

    assertThat(body.get("system").toString()).isEqualTo("\"Be brief.\"");
    assertThat(body.get("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Hi\"}]");
  }

  @Test
  void several_system_and_developer_messages_become_text_blocks_in_order_wherever_they_stand() {
    ObjectNode body = messages("{'role':'system','content':'A'},{'role':'user','content':'Hi'},"
        + "{'role':'developer','content':[{'type':'text','text':'B','cache_control':{'type':'ephemeral'}}]}");

    assertThat(body.get("system").toString().replace('"', '\'')).isEqualTo(
        "[{'type':'text','text':'A'},{'type':'text','text':'B','cache_control':{'type':'ephemeral'}}]");
    assertThat(body.get("messages").size()).isEqualTo(1);
  }

  @Test
  void a_final_assistant_turn_is_kept_last_for_prefill_without_its_trailing_whitespace() {
    assertThat(turns("{'role':'user','content':'Hi'},{'role':'assistant','content':'Hello there \\n '}"))
        .isEqualTo("[{'role':'user','content':'Hi'},{'role':'assistant','content':'Hello there'}]");
    assertThat(turns("{'role':'user','content':'Hi'},{'role':'assistant','content':'  '}"))
        .as("a prefill of whitespace only is no prefill").isEqualTo("[{'role':'user','content':'Hi'}]");
    assertThat(turns("{'role':'assistant','content':'Hello '},{'role':'user','content':'Hi '}"))
        .as("other turns keep theirs").isEqualTo("[{'role':'user','content':'(start of conversation)'},"
            + "{'role':'assistant','content':'Hello '},{'role':'user','content':'Hi '}]");
  }

  @Test
  void a_system_message_with_an_image_is_refused_naming_the_part() {
    refused("'messages':[{'role':'system','content':[{'type':'text','text':'A'},"
        + "{'type':'image_url','image_url':{'url':'https://x/y.png'}}]},{'role':'user','content':'Hi'}]",
        "messages[0].content[1]");
  }

  @Test
  void consecutive_turns_of_one_role_merge_into_one_turn_with_several_blocks() {
    assertThat(turns("{'role':'user','content':'One'},{'role':'user','content':[{'type':'text','text':'Two'}]},"
        + "{'role':'assistant','content':'A'},{'role':'assistant','content':'B'}"))
        .isEqualTo("[{'role':'user','content':[{'type':'text','text':'One'},{'type':'text','text':'Two'}]},"
            + "{'role':'assistant','content':[{'type':'text','text':'A'},{'type':'text','text':'B'}]}]");
  }

  @Test
  void assistant_tool_calls_become_tool_use_blocks_and_tool_messages_one_user_turn_of_results() {
    String turns = turns("{'role':'user','content':'Weather and time?'},"
        + "{'role':'assistant','content':null,'tool_calls':["
        + "{'id':'call_1','type':'function','function':{'name':'weather','arguments':'{\\'city\\':\\'Paris\\'}'}},"
        + "{'id':'call_2','type':'function','function':{'name':'time','arguments':''}}]},"
        + "{'role':'tool','tool_call_id':'call_1','content':'15C'},"
        + "{'role':'tool','tool_call_id':'call_2','content':[{'type':'text','text':'10:00'}]},"
        + "{'role':'user','content':'Thanks'}");

    assertThat(turns).isEqualTo("[{'role':'user','content':'Weather and time?'},"
        + "{'role':'assistant','content':[{'type':'tool_use','id':'call_1','name':'weather','input':{'city':'Paris'}},"
        + "{'type':'tool_use','id':'call_2','name':'time','input':{}}]},"
        + "{'role':'user','content':[{'type':'tool_result','tool_use_id':'call_1','content':'15C'},"
        + "{'type':'tool_result','tool_use_id':'call_2','content':[{'type':'text','text':'10:00'}]},"
        + "{'type':'text','text':'Thanks'}]}]");
  }

  @Test
  void a_tool_result_without_content_has_no_content_field() {
    assertThat(turns("{'role':'user','content':'Go'},{'role':'assistant','tool_calls':[{'id':'c','type':'function',"
        + "'function':{'name':'f','arguments':'{}'}}]},{'role':'tool','tool_call_id':'c','content':''}"))
        .endsWith("{'role':'user','content':[{'type':'tool_result','tool_use_id':'c'}]}]");
  }

  @Test
  void unparsable_or_non_object_tool_arguments_are_refused_naming_them() {
    String prefix = "'messages':[{'role':'user','content':'Go'},{'role':'assistant','tool_calls':[{'id':'c',"
        + "'type':'function','function':{'name':'f','arguments':";
    refused(prefix + "'{\\'city\\':'}}]}]", "messages[1].tool_calls[0].function.arguments");
    refused(prefix + "'[1,2]'}}]}]", "messages[1].tool_calls[0].function.arguments");
    refused(prefix + "{'city':'x'}}}]}]", "messages[1].tool_calls[0].function.arguments");
    refused("'messages':[{'role':'user','content':'Go'},{'role':'assistant','tool_calls':[{'type':'function',"
        + "'function':{'name':'f'}}]}]", "messages[1].tool_calls[0]");
  }

  @Test
  void a_tool_message_without_tool_call_id_is_refused() {
    refused("'messages':[{'role':'user','content':'Go'},{'role':'tool','content':'x'}]", "messages[1].tool_call_id");
  }

  @Test
  void a_conversation_opened_by_the_assistant_gets_a_user_turn_before_it() {
    assertThat(turns("{'role':'system','content':'S'},{'role':'assistant','content':'Welcome!'},"
        + "{'role':'user','content':'Hi'}"))
        .isEqualTo("[{'role':'user','content':'" + ConversationMapper.OPENING + "'},"
            + "{'role':'assistant','content':'Welcome!'},{'role':'user','content':'Hi'}]");
  }

  @Test
  void messages_without_content_are_dropped_and_their_neighbours_merge() {
    assertThat(turns("{'role':'user','content':'A'},{'role':'assistant','content':''},{'role':'user','content':'B'}"))
        .isEqualTo("[{'role':'user','content':[{'type':'text','text':'A'},{'type':'text','text':'B'}]}]");
  }

  @Test
  void a_request_with_only_a_system_prompt_is_refused() {
    refused("'messages':[{'role':'system','content':'S'}]", "messages");
  }

  @Test
  void the_legacy_function_role_is_refused() {
    refused("'messages':[{'role':'user','content':'Go'},{'role':'function','name':'f','content':'x'}]",
        "messages[1].role");
  }

  @Test
  void an_assistant_refusal_part_is_kept_as_text() {
    assertThat(turns("{'role':'user','content':'Go'},{'role':'assistant','content':[{'type':'refusal',"
        + "'refusal':'I cannot.'}]},{'role':'user','content':'Ok'}"))
        .contains("{'role':'assistant','content':'I cannot.'}");
  }
}
