package com.mas.gateway.provider.gemini;

import static com.mas.gateway.provider.gemini.GeminiRequestMapperTest.map;
import static com.mas.gateway.provider.gemini.GeminiRequestMapperTest.refusal;
import static com.mas.gateway.provider.gemini.GeminiSchemaTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mas.gateway.api.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OpenAI {@code messages} mapped to Gemini {@code systemInstruction} and {@code contents}. */
class GeminiContentsTest {

  private static JsonNode contents(String messages) {
    return map("{\"model\":\"g\",\"messages\":" + messages + "}");
  }

  private static GatewayException refused(String messages) {
    return refusal("{\"model\":\"g\",\"messages\":" + messages + "}");
  }

  private static final String CALL = "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":["
      + "{\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"上海\\\"}\"}},"
      + "{\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"time\",\"arguments\":\"\"}}]}";

  @Test
  void system_and_developer_messages_become_the_system_instruction_in_order() {
    JsonNode body = contents("[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi\"},"
        + "{\"role\":\"developer\",\"content\":[{\"type\":\"text\",\"text\":\"Answer in Chinese.\"}]}]");

    assertThat(body.get("systemInstruction").toString())
        .isEqualTo("{\"parts\":[{\"text\":\"Be brief.\"},{\"text\":\"Answer in Chinese.\"}]}");
    assertThat(body.get("contents").toString()).isEqualTo("[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]");
  }

  @Test
  void assistant_becomes_model_and_consecutive_same_role_turns_merge() {
    JsonNode body = contents("[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"b\"},"
        + "{\"role\":\"assistant\",\"content\":\"c\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"d\"},"
        + "{\"type\":\"refusal\",\"refusal\":\"e\"}]},{\"role\":\"user\",\"content\":\"f\"}]");

    assertThat(body.get("contents").toString()).isEqualTo("[{\"role\":\"user\",\"parts\":[{\"text\":\"a\"},{\"text\":\"b\"}]},"
        + "{\"role\":\"model\",\"parts\":[{\"text\":\"c\"},{\"text\":\"d\"},{\"text\":\"e\"}]},"
        + "{\"role\":\"user\",\"parts\":[{\"text\":\"f\"}]}]");
  }

  @Test
  void tool_calls_and_results_round_trip_by_id() {
    JsonNode body = contents("[{\"role\":\"user\",\"content\":\"Weather and time?\"}," + CALL + ","
        + "{\"role\":\"tool\",\"tool_call_id\":\"call_b\",\"content\":\"12:00\"},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"call_a\",\"content\":[{\"type\":\"text\",\"text\":\"{\\\"temp\\\":21}\"}]}]");

    assertThat(body.at("/contents/1").toString()).isEqualTo("{\"role\":\"model\",\"parts\":["
        + "{\"functionCall\":{\"name\":\"weather\",\"args\":{\"city\":\"上海\"}},\"thoughtSignature\":"
        + "\"skip_thought_signature_validator\"},{\"functionCall\":{\"name\":\"time\",\"args\":{}}}]}");
    assertThat(body.at("/contents/2").toString()).isEqualTo("{\"role\":\"user\",\"parts\":["
        + "{\"functionResponse\":{\"name\":\"time\",\"response\":{\"result\":\"12:00\"}}},"
        + "{\"functionResponse\":{\"name\":\"weather\",\"response\":{\"temp\":21}}}]}");
  }

  @Test
  void tool_content_that_is_json_but_not_an_object_is_wrapped_as_text() {
    JsonNode body = contents("[{\"role\":\"user\",\"content\":\"q\"}," + CALL + ","
        + "{\"role\":\"tool\",\"tool_call_id\":\"call_a\",\"content\":\"[1,2]\"},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"call_b\",\"content\":\"{\\\"a\\\":1} trailing\"}]");

    assertThat(body.at("/contents/2/parts/0/functionResponse/response").toString()).isEqualTo("{\"result\":\"[1,2]\"}");
    assertThat(body.at("/contents/2/parts/1/functionResponse/response").toString())
        .isEqualTo("{\"result\":\"{\\\"a\\\":1} trailing\"}");
  }

  @Test
  void images_become_inline_data_or_file_data() {
    JsonNode parts = contents("[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":"
        + "\"data:image/jpeg;base64,/9j/4AAQ\"}},{\"type\":\"image_url\",\"image_url\":{\"url\":"
        + "\"https://example.com/cat.PNG?size=large#top\"}},{\"type\":\"input_audio\",\"input_audio\":{\"data\":"
        + "\"UklGRg==\",\"format\":\"wav\"}},{\"type\":\"file\",\"file\":{\"filename\":\"a.pdf\",\"file_data\":"
        + "\"data:application/pdf;base64,JVBERi0=\"}}]}]").at("/contents/0/parts");

    assertThat(parts.toString()).isEqualTo("[{\"inlineData\":{\"mimeType\":\"image/jpeg\",\"data\":\"/9j/4AAQ\"}},"
        + "{\"fileData\":{\"mimeType\":\"image/png\",\"fileUri\":\"https://example.com/cat.PNG?size=large#top\"}},"
        + "{\"inlineData\":{\"mimeType\":\"audio/wav\",\"data\":\"UklGRg==\"}},"
        + "{\"inlineData\":{\"mimeType\":\"application/pdf\",\"data\":\"JVBERi0=\"}}]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "https://example.com/cat.gif|messages[0].content[0].image_url.url",
      "https://example.com/image|messages[0].content[0].image_url.url",
      "https://example.com/a.b/image?x=.png|messages[0].content[0].image_url.url",
      "ftp://example.com/cat.png|messages[0].content[0].image_url.url",
      "data:image/png,iVBOR|messages[0].content[0].image_url.url",
      "data:;base64,iVBOR|messages[0].content[0].image_url.url"})
  void refuses_images_gemini_cannot_take(String url, String param) {
    GatewayException error = refused(json("[{'role':'user','content':[{'type':'image_url','image_url':{'url':'"
        + url + "'}}]}]"));

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.param()).isEqualTo(param);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "[{'role':'user','content':'q'},{'role':'tool','tool_call_id':'call_x','content':'1'}]"
          + "|messages[1].tool_call_id",
      "[{'role':'user','content':'q'},{'role':'assistant','tool_calls':[{'id':'c','type':'function',"
          + "'function':{'name':'f','arguments':'{not json'}}]}]|messages[1].tool_calls[0].function.arguments",
      "[{'role':'user','content':'q'},{'role':'assistant','tool_calls':[{'id':'c','type':'function',"
          + "'function':{'name':'f','arguments':'[1]'}}]}]|messages[1].tool_calls[0].function.arguments",
      "[{'role':'function','name':'f','content':'1'}]|messages[0].role",
      "[{'role':'assistant','content':null,'function_call':{'name':'f','arguments':'{}'}}]"
          + "|messages[0].function_call",
      "[{'role':'user','content':[{'type':'input_audio','input_audio':{'data':'x','format':'flac'}}]}]"
          + "|messages[0].content[0].input_audio.format",
      "[{'role':'user','content':[{'type':'file','file':{'file_id':'file-1'}}]}]|messages[0].content[0].file",
      "[{'role':'user','content':[{'type':'video','video':{}}]}]|messages[0].content[0].type",
      "[{'role':'system','content':[{'type':'image_url','image_url':{'url':'data:image/png;base64,x'}}]},"
          + "{'role':'user','content':'q'}]|messages[0].content[0]",
      "[{'role':'system','content':'only a system prompt'}]|messages"})
  void refuses_messages_gemini_cannot_take_naming_the_path(String messages, String param) {
    GatewayException error = refused(json(messages));

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.param()).isEqualTo(param);
    assertThat(error.getMessage()).isNotBlank();
  }
}
