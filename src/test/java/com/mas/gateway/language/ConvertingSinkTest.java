package com.mas.gateway.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.Usage;
import com.mas.gateway.provider.ChunkEncoder;
import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.provider.ClientSink;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The converting client sink: only answer text changes, and streams never break a character. */
class ConvertingSinkTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ScriptFidelity toTraditional = Languages.shared().fidelity("zh-Hant");
  private final ChunkEncoder encoder = new ChunkEncoder("chatcmpl-1", "deepseek-chat", 1741569952L);

  @Test
  void converts_content_and_reasoning_and_leaves_every_other_byte_as_it_was() {
    RecordingSink recorded = new RecordingSink();
    ClientSink sink = toTraditional.wrap(recorded);

    sink.write(encoder.content("这个面霜多少钱？"), ChunkKind.CONTENT);
    sink.write(encoder.reasoning("用户问价格"), ChunkKind.CONTENT);

    assertThat(recorded.events.get(0).toString())
        .isEqualTo(encoder.content("這個面霜多少錢？").toString());
    assertThat(recorded.events.get(1).toString()).isEqualTo(encoder.reasoning("用戶問價格").toString());
  }

  @Test
  void passes_events_without_text_to_convert_through_as_the_same_buffers() {
    RecordingSink recorded = new RecordingSink();
    ClientSink sink = toTraditional.wrap(recorded);
    List<Buffer> events = List.of(
        encoder.role(),
        encoder.content("Hello, this is English."),
        encoder.content("這個已經是繁體。"),
        encoder.toolCallStart(0, "call_1", "lookup_price", "{\"product\":\"这个面霜\"}"),
        encoder.toolCallArguments(0, "\"兰蔻\"}"),
        encoder.finish("stop"),
        encoder.usage(new Usage(10, 5, 0, 0, 0), 1234),
        Buffer.buffer("data: {\"error\":{\"message\":\"这是错误\",\"type\":\"server_error\"}}\n\n"),
        Buffer.buffer(": keep-alive 这个\n\n"),
        ChunkEncoder.done());

    events.forEach(event -> sink.write(event, ChunkKind.CONTENT));

    assertThat(recorded.events).hasSize(events.size());
    for (int i = 0; i < events.size(); i++) {
      assertThat(recorded.events.get(i)).as("event %d", i).isSameAs(events.get(i));
    }
  }

  @Test
  void passes_finish_and_failure_on() {
    RecordingSink recorded = new RecordingSink();
    ClientSink sink = toTraditional.wrap(recorded);
    GatewayException error = GatewayException.badGateway("upstream_stream_cut", "cut");

    sink.finish();
    sink.fail(error);

    assertThat(recorded.finished).isTrue();
    assertThat(recorded.failure).isSameAs(error);
  }

  @Test
  void keeps_escaped_text_escaped_in_the_same_hex_case() {
    RecordingSink recorded = new RecordingSink();
    ClientSink sink = toTraditional.wrap(recorded);

    sink.write(event("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\\u8fd9\\u4E2A \\\"ok\\\"\\n\"}}]}"), ChunkKind.CONTENT);

    // 这 (8fd9) is 這 (9019), 个 (4E2A) is 個 (500B)
    assertThat(recorded.events.get(0).toString())
        .isEqualTo("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\\u9019\\u500B \\\"ok\\\"\\n\"}}]}\n\n");
  }

  @Test
  void converts_every_choice_and_only_the_delta_text() {
    RecordingSink recorded = new RecordingSink();
    ClientSink sink = toTraditional.wrap(recorded);
    String before = "{\"id\":\"这\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"价\"},\"logprobs\":{\"content\":[{\"token\":\"价\"}]}},"
        + "{\"index\":1,\"delta\":{\"role\":\"assistant\",\"content\":\"钱\"}}],\"note\":{\"content\":\"这\"}}";

    sink.write(event(before), ChunkKind.CONTENT);

    assertThat(recorded.events.get(0).toString()).isEqualTo(event(before
        .replace("\"content\":\"价\"}", "\"content\":\"價\"}").replace("\"content\":\"钱\"", "\"content\":\"錢\"")).toString());
  }

  @Test
  void never_splits_a_surrogate_pair_across_deltas_wherever_the_text_is_cut() throws Exception {
    String text = "这𫭼个😍好𠀀用👍🏽";
    String whole = toTraditional.convert(text);
    for (int cut = 0; cut <= text.length(); cut++) {
      RecordingSink recorded = new RecordingSink();
      ClientSink sink = toTraditional.wrap(recorded);
      sink.write(event(chunk(escaped(text.substring(0, cut)))), ChunkKind.CONTENT);
      sink.write(event(chunk(escaped(text.substring(cut)))), ChunkKind.CONTENT);

      List<String> deltas = contents(recorded.events);
      assertThat(deltas).as("cut at %d", cut).allSatisfy(ScriptConversionTest::assertWellFormed);
      assertThat(String.join("", deltas)).as("cut at %d", cut).isEqualTo(whole);
    }
  }

  @Test
  void converts_two_character_phrases_within_and_across_deltas() throws Exception {
    RecordingSink recorded = new RecordingSink();
    ClientSink sink = toTraditional.wrap(recorded);

    sink.write(encoder.content("头发"), ChunkKind.CONTENT);
    sink.write(encoder.content("这"), ChunkKind.CONTENT);
    sink.write(encoder.content("里"), ChunkKind.CONTENT);
    sink.write(encoder.content("这"), ChunkKind.CONTENT);
    sink.write(encoder.content(" "), ChunkKind.CONTENT);
    sink.write(encoder.content("里"), ChunkKind.CONTENT);

    assertThat(contents(recorded.events)).containsExactly("頭髮", "這", "裡", "這", " ", "里");
  }

  @Test
  void holds_a_split_pair_per_choice() throws Exception {
    RecordingSink recorded = new RecordingSink();
    ClientSink sink = toTraditional.wrap(recorded);
    String pair = "𫭼"; // Simplified; 𡑍 in Traditional

    sink.write(event("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + escaped("这" + pair.charAt(0)) + "\"}}]}"), ChunkKind.CONTENT);
    sink.write(event("{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"个\"}}]}"), ChunkKind.CONTENT);
    sink.write(event("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + escaped(pair.charAt(1) + "个") + "\"}}]}"), ChunkKind.CONTENT);

    assertThat(contents(recorded.events)).containsExactly("這", "個", "𡑍個");
  }

  @Test
  void converts_a_whole_completion_and_nothing_else() {
    String body = "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion\",\"model\":\"这\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"这款面霜适合干皮😍\",\"reasoning_content\":\"用户\"},"
        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5,\"total_tokens\":8}}";

    Buffer converted = toTraditional.convertCompletion(Buffer.buffer(body));

    assertThat(converted.toString()).isEqualTo(body.replace("这款面霜适合干皮", "這款面霜適合乾皮")
        .replace("\"用户\"", "\"用戶\""));
    Buffer english = Buffer.buffer(body.replace("这款面霜适合干皮😍", "fine").replace("用户", "user").replace("这", "x"));
    assertThat(toTraditional.convertCompletion(english)).isSameAs(english);
  }

  @Test
  void inactive_fidelity_wraps_nothing() {
    RecordingSink recorded = new RecordingSink();
    ScriptFidelity none = Languages.shared().fidelity("en");

    assertThat(none.wrap(recorded)).isSameAs(recorded);
    Buffer body = Buffer.buffer("{\"choices\":[{\"message\":{\"content\":\"这\"}}]}");
    assertThat(none.convertCompletion(body)).isSameAs(body);
  }

  private static String chunk(String escapedContent) {
    return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
        + escapedContent + "\"},\"finish_reason\":null}]}";
  }

  private static Buffer event(String json) {
    return Buffer.buffer("data: " + json + "\n\n");
  }

  /** JSON string body with every non-ASCII UTF-16 unit escaped, the way ensure_ascii writers do. */
  private static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return out.toString();
  }

  /** The content of each event, read by Jackson from the raw JSON (lone surrogates kept as they are). */
  private static List<String> contents(List<Buffer> events) throws Exception {
    List<String> texts = new ArrayList<>();
    for (Buffer event : events) {
      String data = event.toString().substring(6).trim();
      JsonNode content = JSON.readTree(data).path("choices").path(0).path("delta").path("content");
      texts.add(content.asText());
    }
    return texts;
  }
}
