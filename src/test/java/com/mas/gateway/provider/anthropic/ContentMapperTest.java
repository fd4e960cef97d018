package com.mas.gateway.provider.anthropic;

import static com.mas.gateway.provider.anthropic.Requests.map;
import static com.mas.gateway.provider.anthropic.Requests.refused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Content parts and images ({@link ContentMapper}). */
class ContentMapperTest {

  private static String userContent(String parts) {
    return map("'messages':[{'role':'user','content':[" + parts + "]}]").get("messages").get(0).get("content")
        .toString().replace('"', '\'');
  }

  private static String image(String url) {
    return "{'type':'text','text':'See'},{'type':'image_url','image_url':{'url':'" + url + "','detail':'high'}}";
  }

  @Test
  void an_https_image_is_a_url_source() {
    assertThat(userContent(image("https://cdn.example.com/lipstick.jpg")))
        .isEqualTo("[{'type':'text','text':'See'},"
            + "{'type':'image','source':{'type':'url','url':'https://cdn.example.com/lipstick.jpg'}}]");
  }

  @Test
  void a_data_url_is_a_base64_source_with_its_media_type() {
    assertThat(userContent(image("data:image/webp;base64,UklGRg==")))
        .endsWith("{'type':'image','source':{'type':'base64','media_type':'image/webp','data':'UklGRg=='}}]");
    assertThat(userContent(image("data:IMAGE/JPG;base64,/9j/4A==")))
        .contains("'media_type':'image/jpeg','data':'/9j/4A=='");
  }

  @Test
  void an_unsupported_media_type_is_refused_naming_the_part() {
    assertThat(refused("'messages':[{'role':'user','content':[" + image("data:image/bmp;base64,Qk0=") + "]}]",
        "messages[0].content[1]").getMessage()).contains("image/bmp");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"data:image/png,iVBOR", "data:image/png;base64", "data:image/png;base64,", "data:;base64,AAAA",
      "data:image/png;base64,iVB OR", "data:image/png;base64,%00%01", "ftp://example.com/a.png", "lipstick.png"})
  void a_malformed_or_unsupported_image_url_is_refused_naming_the_part(String url) {
    refused("'messages':[{'role':'system','content':'S'},{'role':'user','content':[" + image(url) + "]}]",
        "messages[1].content[1]");
  }

  @Test
  void audio_and_file_parts_are_refused_naming_the_part() {
    refused("'messages':[{'role':'user','content':[{'type':'input_audio','input_audio':{'data':'x','format':'wav'}}]}]",
        "messages[0].content[0]");
    refused("'messages':[{'role':'user','content':[{'type':'text','text':'a'},{'type':'file','file':{}}]}]",
        "messages[0].content[1]");
  }

  @Test
  void an_image_in_an_assistant_message_is_refused() {
    refused("'messages':[{'role':'user','content':'Hi'},{'role':'assistant','content':[" + image("https://x/y.png")
        + "]}]", "messages[1].content[1]");
  }

  @Test
  void cache_control_on_a_part_is_kept_and_keeps_the_block_form() {
    assertThat(userContent("{'type':'text','text':'Long catalogue','cache_control':{'type':'ephemeral'}}"))
        .isEqualTo("[{'type':'text','text':'Long catalogue','cache_control':{'type':'ephemeral'}}]");
  }

  @Test
  void empty_text_parts_are_dropped() {
    assertThat(userContent("{'type':'text','text':''},{'type':'text','text':'Hi'}")).isEqualTo("'Hi'");
  }

  @Test
  void a_text_part_without_text_is_refused() {
    refused("'messages':[{'role':'user','content':[{'type':'text'}]}]", "messages[0].content[0]");
  }
}
