package com.mas.gateway.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.chat.ChatRequest;
import com.mas.gateway.chat.ChatRequestParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The system instruction asking for the user's script. */
class ScriptInstructionTest {

  private final ChatRequestParser parser = new ChatRequestParser();
  private final ScriptFidelity traditional = Languages.shared().fidelity("zh-Hant");

  @Test
  void adds_a_system_message_first_when_there_is_none() {
    ChatRequest request = parse("{\"model\":\"deepseek-chat\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"你好\"}]}");

    ChatRequest instructed = traditional.instruct(request);

    assertThat(instructed.json().path("messages")).hasSize(2);
    assertThat(instructed.json().at("/messages/0/role").asText()).isEqualTo("system");
    assertThat(instructed.json().at("/messages/0/content").asText()).isEqualTo(traditional.instruction())
        .contains("繁體");
    assertThat(instructed.json().at("/messages/1/content").asText()).isEqualTo("你好");
    assertThat(instructed.model()).isEqualTo("deepseek-chat");
    assertThat(instructed.stream()).isTrue();
  }

  @Test
  void merges_into_a_leading_system_or_developer_message() {
    for (String role : new String[] {"system", "developer"}) {
      ChatRequest request = parse("{\"model\":\"m\",\"messages\":[{\"role\":\"" + role
          + "\",\"content\":\"You sell cosmetics.\"},{\"role\":\"user\",\"content\":\"你好\"}]}");

      ChatRequest instructed = traditional.instruct(request);

      assertThat(instructed.json().path("messages")).hasSize(2);
      assertThat(instructed.json().at("/messages/0/role").asText()).isEqualTo(role);
      assertThat(instructed.json().at("/messages/0/content").asText())
          .isEqualTo("You sell cosmetics.\n\n" + traditional.instruction());
    }
  }

  @Test
  void adds_a_text_part_to_a_system_message_made_of_parts() {
    ChatRequest request = parse("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":[{\"type\":\"text\","
        + "\"text\":\"You sell cosmetics.\"}]},{\"role\":\"user\",\"content\":\"你好\"}]}");

    ChatRequest instructed = traditional.instruct(request);

    assertThat(instructed.json().at("/messages/0/content")).hasSize(2);
    assertThat(instructed.json().at("/messages/0/content/1/text").asText()).isEqualTo(traditional.instruction());
  }

  @Test
  void leaves_the_clients_request_as_it_was() {
    String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"You sell cosmetics.\"},"
        + "{\"role\":\"user\",\"content\":\"你好\"}]}";
    ChatRequest request = parse(body);

    traditional.instruct(request);

    assertThat(request.json()).isEqualTo(parse(body).json());
  }

  @Test
  void asks_for_simplified_for_simplified_users_and_nothing_for_others() {
    ChatRequest request = parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    assertThat(Languages.shared().fidelity("zh-Hans").instruction()).contains("简体");
    assertThat(Languages.shared().fidelity("en").instruct(request)).isSameAs(request);
    assertThat(Languages.shared().fidelity("en").instruction()).isNull();
  }

  private ChatRequest parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
