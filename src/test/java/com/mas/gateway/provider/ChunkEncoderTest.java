package com.mas.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mas.gateway.chat.Usage;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class ChunkEncoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ChunkEncoder chunks = new ChunkEncoder("msg_1", "claude-x", 1700000000L);

  @Test
  void frames_each_chunk_as_one_sse_data_event_with_openai_fields() throws Exception {
    String event = chunks.content("héllo \"you\"\n").toString();

    assertThat(event).startsWith("data: {\"id\":\"msg_1\",\"object\":\"chat.completion.chunk\","
        + "\"created\":1700000000,\"model\":\"claude-x\",\"choices\":[{\"index\":0,\"delta\":");
    assertThat(event).endsWith("}\n\n").doesNotContain("\n\n\n");
    JsonNode choice = payload(chunks.content("héllo \"you\"\n")).path("choices").path(0);
    assertThat(choice.path("delta").path("content").asText()).isEqualTo("héllo \"you\"\n");
    assertThat(choice.path("finish_reason").isNull()).isTrue();
  }

  @Test
  void role_reasoning_finish_and_tool_calls_take_openai_shapes() throws Exception {
    assertThat(payload(chunks.role()).at("/choices/0/delta").toString())
        .isEqualTo("{\"role\":\"assistant\",\"content\":\"\"}");
    assertThat(payload(chunks.reasoning("hmm")).at("/choices/0/delta/reasoning_content").asText()).isEqualTo("hmm");
    assertThat(payload(chunks.finish("tool_calls")).at("/choices/0").toString())
        .isEqualTo("{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}");
    assertThat(payload(chunks.toolCallStart(1, "toolu_1", "get_weather", "")).at("/choices/0/delta").toString())
        .isEqualTo("{\"tool_calls\":[{\"index\":1,\"id\":\"toolu_1\",\"type\":\"function\","
            + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}");
    assertThat(payload(chunks.toolCallArguments(1, "{\"city\":")).at("/choices/0/delta").toString())
        .isEqualTo("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}");
  }

  @Test
  void usage_chunk_has_empty_choices_and_openai_usage_details() throws Exception {
    JsonNode usage = payload(chunks.usage(new Usage(120, 30, 100, 5, 7)));

    assertThat(usage.path("choices").size()).isZero();
    assertThat(usage.path("usage").toString()).isEqualTo("{\"prompt_tokens\":120,\"completion_tokens\":30,"
        + "\"total_tokens\":150,\"prompt_tokens_details\":{\"cached_tokens\":100},"
        + "\"completion_tokens_details\":{\"reasoning_tokens\":7}}");
    assertThat(ChunkEncoder.done().toString()).isEqualTo("data: [DONE]\n\n");
  }

  private static JsonNode payload(Buffer event) throws Exception {
    String text = event.toString();
    return JSON.readTree(text.substring("data: ".length(), text.length() - 2));
  }
}
