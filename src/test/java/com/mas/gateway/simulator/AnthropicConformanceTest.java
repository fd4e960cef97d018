package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.ProviderRequests.MESSAGES;
import static com.mas.gateway.simulator.ProviderRequests.anthropic;
import static com.mas.gateway.simulator.ProviderRequests.anthropicHeaders;
import static com.mas.gateway.simulator.ProviderRequests.anthropicStream;
import static com.mas.gateway.simulator.ProviderRequests.withAnthropicTool;
import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.testkit.Conformance;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Anthropic answers, read with the same SSE rules as Anthropic's recordings
 * (conformance/anthropic), have the recordings' event sequence and fields.
 */
@ExtendWith(VertxExtension.class)
class AnthropicConformanceTest {

  /** Fields the current API sends that the older recordings lack. */
  private static final Set<String> CACHE_USAGE = Set.of(
      "message.usage.cache_creation_input_tokens", "message.usage.cache_read_input_tokens",
      "usage.cache_creation_input_tokens", "usage.cache_read_input_tokens");

  private SimulatorClient client;

  @BeforeEach
  void start(Vertx vertx) {
    client = SimulatorClient.start(vertx, SimulatorOptions.defaults());
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"stream_text.sse", "stream_text_compact.sse"})
  void text_stream_has_the_event_sequence_and_fields_of_the_recording(String transcript) {
    List<SseTranscript.Event> recorded = recording(transcript);
    int deltas = (int) recorded.stream()
        .filter(event -> event.name().equals("content_block_delta")).count();

    List<SseTranscript.Event> ours = stream(anthropicStream("claude-sim", "hi"),
        "x-sim-tokens", Integer.toString(deltas));

    assertThat(SseTranscript.names(ours)).isEqualTo(SseTranscript.names(recorded));
    for (int i = 0; i < ours.size(); i++) {
      assertSameFields(ours.get(i).json(), recorded.get(i).json(), "event " + i);
    }
  }

  @Test
  void tool_use_block_has_the_events_and_fields_of_the_recording() {
    List<SseTranscript.Event> recorded = toolBlockAndEnd(recording("stream_tool_use.sse"));

    List<SseTranscript.Event> ours = toolBlockAndEnd(
        stream(withAnthropicTool(anthropicStream("claude-sim", "weather?"))));

    assertThat(collapsed(ours)).isEqualTo(collapsed(recorded))
        .containsExactly("content_block_start", "content_block_delta", "content_block_stop",
            "message_delta", "message_stop");
    assertSameFields(ours.get(0).json(), recorded.get(0).json(), "tool_use start");
    assertSameFields(ours.get(1).json(), recorded.get(1).json(), "first input_json_delta");
    assertThat(partialJson(ours.get(1))).isEqualTo(partialJson(recorded.get(1))).isEmpty();
    assertSameFields(last(ours, 2), last(recorded, 2), "message_delta");
  }

  @Test
  void midstream_error_matches_the_documented_error_event() {
    List<SseTranscript.Event> recorded = recording("stream_error_overloaded.sse");

    List<SseTranscript.Event> ours = stream(anthropicStream("sim-error-1", "hi"));

    assertThat(SseTranscript.names(ours)).isEqualTo(SseTranscript.names(recorded))
        .endsWith("error").doesNotContain("message_stop");
    assertThat(last(ours, 1)).isEqualTo(last(recorded, 1));
  }

  @Test
  void non_streamed_message_has_the_fields_of_the_recording() {
    JsonObject recorded = new JsonObject(Conformance.text("anthropic/nonstream.json"));

    JsonObject ours = client.post(MESSAGES, anthropic("claude-sim", "hi").encode(),
        anthropicHeaders(null)).json();

    assertSameFields(ours, recorded, "message");
  }

  @ParameterizedTest
  @ValueSource(strings = {"400_invalid_request_error", "401_authentication_error",
      "403_permission_error", "404_not_found_error", "413_request_too_large",
      "429_rate_limit_error", "500_api_error", "504_timeout_error", "529_overloaded_error"})
  void error_bodies_have_the_shape_and_type_of_the_recording(String name) {
    JsonObject recorded = new JsonObject(Conformance.text("anthropic/errors/" + name + ".json"));
    String status = name.substring(0, 3);

    JsonObject ours = client.post(MESSAGES, anthropic("sim-status-" + status, "hi").encode(),
        anthropicHeaders(null)).json();

    assertThat(ours.getJsonObject("error").getString("type"))
        .isEqualTo(recorded.getJsonObject("error").getString("type"));
    // The errors-doc 400 example omits request_id, which every real error body carries.
    assertThat(JsonFields.of(ours)).containsAll(JsonFields.of(recorded))
        .containsExactlyInAnyOrder("type", "error", "error.type", "error.message", "request_id");
  }

  private static void assertSameFields(JsonObject ours, JsonObject recorded, String what) {
    assertThat(JsonFields.missingFrom(ours, recorded)).as("%s lacks", what).isEmpty();
    assertThat(JsonFields.missingFrom(recorded, ours)).as("%s adds", what)
        .isSubsetOf(CACHE_USAGE);
  }

  /** The events from the tool_use block's start to the end of the message. */
  private static List<SseTranscript.Event> toolBlockAndEnd(List<SseTranscript.Event> events) {
    for (int i = 0; i < events.size(); i++) {
      JsonObject block = events.get(i).json().getJsonObject("content_block");
      if (block != null && block.getString("type").equals("tool_use")) {
        return events.subList(i, events.size()).stream()
            .filter(event -> !event.name().equals("ping")).toList();
      }
    }
    throw new AssertionError("no tool_use block");
  }

  /** The event names with runs of the same name counted once. */
  private static List<String> collapsed(List<SseTranscript.Event> events) {
    List<String> names = new ArrayList<>();
    for (String name : SseTranscript.names(events)) {
      if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static String partialJson(SseTranscript.Event delta) {
    return delta.json().getJsonObject("delta").getString("partial_json");
  }

  private static JsonObject last(List<SseTranscript.Event> events, int fromEnd) {
    return events.get(events.size() - fromEnd).json();
  }

  private List<SseTranscript.Event> stream(JsonObject body, String... headers) {
    Map<String, String> all = anthropicHeaders(null, headers);
    return client.post(MESSAGES, body.encode(), all).sse();
  }

  private static List<SseTranscript.Event> recording(String name) {
    return SseTranscript.parse(Conformance.text("anthropic/" + name));
  }
}
