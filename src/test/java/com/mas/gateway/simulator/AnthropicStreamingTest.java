package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.ProviderRequests.MESSAGES;
import static com.mas.gateway.simulator.ProviderRequests.anthropicHeaders;
import static com.mas.gateway.simulator.ProviderRequests.anthropicStream;
import static com.mas.gateway.simulator.ProviderRequests.withAnthropicTool;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AnthropicStreamingTest {

  private SimulatorClient client;

  @BeforeEach
  void start(Vertx vertx) {
    client = SimulatorClient.start(vertx, SimulatorOptions.defaults().withAnswerTokens(12));
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void streams_named_events_in_anthropic_order() {
    SimulatorClient.Exchange reply = post(anthropicStream("claude-sim", "hi"),
        anthropicHeaders(null, "x-request-id", "a-1"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("content-type")).isEqualTo("text/event-stream");
    assertThat(reply.header("request-id")).isEqualTo("a-1");
    List<String> expected = new ArrayList<>(
        List.of("message_start", "content_block_start", "ping"));
    expected.addAll(Collections.nCopies(12, "content_block_delta"));
    expected.addAll(List.of("content_block_stop", "message_delta", "message_stop"));
    List<SseTranscript.Event> events = reply.sse();
    assertThat(SseTranscript.names(events)).containsExactlyElementsOf(expected);
    assertThat(events).allSatisfy(event ->
        assertThat(event.json().getString("type")).isEqualTo(event.name()));
    assertThat(SseTranscript.lineEndings(reply.body())).isEqualTo("LF");
    assertThat(reply.body()).startsWith("event: message_start\ndata: {")
        .endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
  }

  @Test
  void streamed_text_equals_the_simulated_answer_for_the_seed() {
    SimulatorClient.Exchange reply =
        post(anthropicStream("claude-sim", "hi"), anthropicHeaders(null, "x-sim-seed", "77"));

    assertThat(text(reply.sse())).isEqualTo(SimulatedAnswer.text(77, AnswerLanguage.ENGLISH, 12));
    assertThat(reply.sse().subList(3, 15)).extracting(event ->
            event.json().getJsonObject("delta").getString("text"))
        .containsExactlyElementsOf(SimulatedAnswer.tokens(77, AnswerLanguage.ENGLISH, 12));
  }

  @Test
  void message_start_and_message_delta_carry_usage_that_matches_the_text() {
    JsonObject body = anthropicStream("claude-sim", "abcdefghij").put("system", "0123456789");

    List<SseTranscript.Event> events = post(body, anthropicHeaders(null)).sse();

    JsonObject message = events.get(0).json().getJsonObject("message");
    assertThat(message.getString("id")).startsWith("msg_");
    assertThat(message.getString("type")).isEqualTo("message");
    assertThat(message.getString("role")).isEqualTo("assistant");
    assertThat(message.getString("model")).isEqualTo("claude-sim");
    assertThat(message.getJsonArray("content")).isEmpty();
    assertThat(message.containsKey("stop_reason")).isTrue();
    assertThat(message.getValue("stop_reason")).isNull();
    assertThat(message.getJsonObject("usage").getMap()).containsEntry("input_tokens", 5)
        .containsEntry("output_tokens", 1).containsEntry("cache_creation_input_tokens", 0)
        .containsEntry("cache_read_input_tokens", 0);
    JsonObject delta = events.get(events.size() - 2).json();
    assertThat(delta.getJsonObject("delta").getString("stop_reason")).isEqualTo("end_turn");
    assertThat(delta.getJsonObject("delta").containsKey("stop_sequence")).isTrue();
    assertThat(delta.getJsonObject("usage").getInteger("output_tokens"))
        .isEqualTo(countDeltas(events)).isEqualTo(12);
  }

  @Test
  void max_tokens_cuts_the_answer_with_stop_reason_max_tokens() {
    JsonObject body = anthropicStream("claude-sim", "hi").put("max_tokens", 4);

    List<SseTranscript.Event> events =
        post(body, anthropicHeaders(null, "x-sim-seed", "3", "x-sim-tokens", "20")).sse();

    assertThat(text(events)).isEqualTo(SimulatedAnswer.text(3, AnswerLanguage.ENGLISH, 4));
    JsonObject delta = events.get(events.size() - 2).json();
    assertThat(delta.getJsonObject("delta").getString("stop_reason")).isEqualTo("max_tokens");
    assertThat(delta.getJsonObject("usage").getInteger("output_tokens")).isEqualTo(4);
  }

  @Test
  void tool_use_block_streams_partial_json_starting_with_an_empty_fragment() {
    JsonObject body = withAnthropicTool(anthropicStream("claude-sim", "weather?"));

    List<SseTranscript.Event> events =
        post(body, anthropicHeaders(null, "x-sim-seed", "6")).sse();

    JsonObject block = events.get(1).json().getJsonObject("content_block");
    assertThat(block.getString("type")).isEqualTo("tool_use");
    assertThat(block.getString("id")).startsWith("toolu_");
    assertThat(block.getString("name")).isEqualTo("get_weather");
    assertThat(block.getJsonObject("input")).isEqualTo(new JsonObject());
    assertThat(events.get(2).name()).isEqualTo("ping");
    List<String> fragments = events.stream()
        .filter(event -> "content_block_delta".equals(event.name()))
        .map(event -> event.json().getJsonObject("delta"))
        .peek(delta -> assertThat(delta.getString("type")).isEqualTo("input_json_delta"))
        .map(delta -> delta.getString("partial_json")).toList();
    assertThat(fragments.get(0)).isEmpty();
    String word = SimulatedAnswer.tokens(6, AnswerLanguage.ENGLISH, 1).get(0).trim();
    assertThat(new JsonObject(String.join("", fragments)))
        .isEqualTo(new JsonObject().put("query", word));
    JsonObject delta = events.get(events.size() - 2).json();
    assertThat(delta.getJsonObject("delta").getString("stop_reason")).isEqualTo("tool_use");
    assertThat(delta.getJsonObject("usage").getInteger("output_tokens"))
        .isEqualTo(fragments.size() - 1);
  }

  @Test
  void tool_call_header_names_the_function_and_a_named_tool_choice_forces_it() {
    JsonObject auto = withAnthropicTool(anthropicStream("claude-sim", "weather?"))
        .put("tool_choice", new JsonObject().put("type", "auto"));
    JsonObject named = withAnthropicTool(anthropicStream("claude-sim", "weather?"))
        .put("tool_choice", new JsonObject().put("type", "tool").put("name", "get_weather"));

    List<SseTranscript.Event> byHeader =
        post(auto, anthropicHeaders(null, "x-sim-tool-call", "lookup")).sse();
    List<SseTranscript.Event> byChoice = post(named, anthropicHeaders(null)).sse();

    assertThat(byHeader.get(1).json().getJsonObject("content_block").getString("name"))
        .isEqualTo("lookup");
    assertThat(byChoice.get(1).json().getJsonObject("content_block").getString("name"))
        .isEqualTo("get_weather");
  }

  @Test
  void tool_choice_auto_without_header_answers_with_text() {
    JsonObject body = withAnthropicTool(anthropicStream("claude-sim", "weather?"))
        .put("tool_choice", new JsonObject().put("type", "auto"));

    List<SseTranscript.Event> events =
        post(body, anthropicHeaders(null, "x-sim-seed", "2")).sse();

    assertThat(text(events)).isEqualTo(SimulatedAnswer.text(2, AnswerLanguage.ENGLISH, 12));
  }

  @Test
  void traditional_chinese_answers_in_that_script() {
    List<SseTranscript.Event> events = post(anthropicStream("claude-sim", "你好"),
        anthropicHeaders(null, "x-sim-seed", "8", "x-sim-language", "zh-Hant")).sse();

    assertThat(text(events))
        .isEqualTo(SimulatedAnswer.text(8, AnswerLanguage.TRADITIONAL_CHINESE, 12));
  }

  private SimulatorClient.Exchange post(JsonObject body, Map<String, String> headers) {
    return client.post(MESSAGES, body.encode(), headers);
  }

  /** The text deltas joined, as an Anthropic SDK accumulates them. */
  static String text(List<SseTranscript.Event> events) {
    StringBuilder text = new StringBuilder();
    for (SseTranscript.Event event : events) {
      if ("content_block_delta".equals(event.name())) {
        text.append(event.json().getJsonObject("delta").getString("text", ""));
      }
    }
    return text.toString();
  }

  private static int countDeltas(List<SseTranscript.Event> events) {
    return (int) events.stream().filter(e -> "content_block_delta".equals(e.name())).count();
  }
}
