package com.mas.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.Gateway;
import com.mas.gateway.config.ProviderType;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.Conformance;
import com.mas.gateway.testkit.GatewayClient;
import com.mas.gateway.testkit.ReplayUpstream;
import com.mas.gateway.testkit.TestConfigs;
import com.mas.gateway.testkit.Transcripts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the recorded OpenAI and DeepSeek transcripts of ../shared/conformance through the
 * gateway (a replay upstream serves the recorded bytes) and checks that the client receives the
 * same event payloads, byte for byte, and assembles the expected result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiConformanceReplayTest {

  private Vertx vertx;
  private ReplayUpstream upstream;
  private Gateway gateway;
  private GatewayClient client;

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
    upstream = Await.result(ReplayUpstream.start(vertx));
    String base = upstream.baseUrl();
    gateway = Await.result(Gateway.start(vertx, TestConfigs.gateway(
        TestConfigs.provider("openai", ProviderType.OPENAI, base),
        TestConfigs.provider("deepseek", ProviderType.DEEPSEEK, base.replace("/v1", ""))),
        new SimpleMeterRegistry(), 1));
    client = new GatewayClient(vertx, gateway.port());
  }

  @AfterAll
  void stop() {
    Await.result(vertx.close());
  }

  static Stream<String> streams() {
    return Stream.of("openai/stream_text", "openai/stream_with_usage", "openai/stream_tool_call",
        "openai/stream_parallel_tool_calls", "openai/stream_error_midstream", "deepseek/stream_text",
        "deepseek/stream_keepalive", "deepseek/stream_reasoner", "deepseek/stream_tool_call");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void replays_stream_byte_equal_and_assembles_expected(String name) {
    assertReplay(name, 0);
  }

  @ParameterizedTest(name = "{0} split at random byte boundaries")
  @MethodSource("streams")
  void upstream_chunk_boundaries_do_not_matter(String name) {
    assertReplay(name, 7);
  }

  private void assertReplay(String name, int maxPiece) {
    String sse = Conformance.text(name + ".sse");
    upstream.answer(200, "text/event-stream", sse.getBytes(java.nio.charset.StandardCharsets.UTF_8), maxPiece);
    ClientResponse response = Await.result(client.chat(Conformance.text(name + ".request.json")));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("content-type")).startsWith("text/event-stream");
    assertThat(response.events()).containsExactlyElementsOf(Transcripts.payloads(sse));
    assertAssembled(ChatAssembler.ofEvents(response.events()), new JsonObject(Conformance.text(name + ".expected.json")));
  }

  @Test
  void removes_the_usage_chunk_it_asked_for_when_the_client_did_not() {
    upstream.answer(200, "text/event-stream", Conformance.bytes("openai/stream_with_usage.sse"), 0);
    ClientResponse response = Await.result(client.chat(Conformance.text("openai/stream_text.request.json")));

    assertThat(response.events()).containsExactlyElementsOf(Transcripts.payloads(Conformance.text("openai/stream_text.sse")));
    JsonObject sent = new JsonObject(last(upstream.received()).body());
    assertThat(sent.getJsonObject("stream_options").getBoolean("include_usage")).isTrue();
  }

  @Test
  void forwards_the_full_request_unchanged_but_for_the_model() {
    upstream.answer(200, "text/event-stream", Conformance.bytes("openai/stream_with_usage.sse"), 0);
    JsonObject request = new JsonObject(Conformance.text("openai/request_full.json"))
        .put("model", "openai/gpt-4o-mini").put("x_unknown_field", new JsonObject().put("kept", List.of(1, 2.50, "三")))
        .put("stream_options", new JsonObject().put("include_usage", true));
    Await.result(client.chat(request.encode()));

    JsonObject sent = new JsonObject(last(upstream.received()).body());
    assertThat(sent.getString("model")).isEqualTo("gpt-4o-mini");
    assertThat(sent.copy().put("model", "openai/gpt-4o-mini")).isEqualTo(request);
    assertThat(last(upstream.received()).headers().get("authorization")).isEqualTo("Bearer " + TestConfigs.UPSTREAM_KEY);
    assertThat(last(upstream.received()).path()).isEqualTo("/v1/chat/completions");
  }

  static Stream<String> completions() {
    return Stream.of("openai/nonstream", "openai/nonstream_tool_call", "deepseek/nonstream",
        "deepseek/nonstream_reasoner", "deepseek/nonstream_tool_call");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("completions")
  void passes_non_streaming_completions_through_unchanged(String name) {
    byte[] body = Conformance.bytes(name + ".json");
    upstream.answer(200, "application/json", body, 0);
    String model = name.startsWith("deepseek") ? "deepseek-chat" : "gpt-4o";
    String request = Conformance.exists(name + ".request.json") ? Conformance.text(name + ".request.json")
        : new JsonObject().put("model", model).put("messages", new JsonArray().add(
            new JsonObject().put("role", "user").put("content", "Hi"))).encode();
    ClientResponse response = Await.result(client.chat(request));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().getBytes()).isEqualTo(body);
    JsonObject expected = new JsonObject(Conformance.text(name + ".expected.json"));
    JsonObject message = response.json().getJsonArray("choices").getJsonObject(0).getJsonObject("message");
    assertThat(message.getString("content")).isEqualTo(expected.getString("text"));
    assertThat(response.json().getJsonObject("usage").getInteger("prompt_tokens"))
        .isEqualTo(expected.getJsonObject("usage").getInteger("input_tokens"));
  }

  private static void assertAssembled(ChatAssembler actual, JsonObject expected) {
    assertThat(actual.text()).isEqualTo(expected.getString("text"));
    assertThat(actual.finishReason()).isEqualTo(expected.getString("finish_reason"));
    assertThat(actual.done()).isEqualTo(expected.getBoolean("terminated_by_done"));
    if (expected.containsKey("reasoning_text")) {
      assertThat(actual.reasoning()).isEqualTo(expected.getString("reasoning_text"));
    }
    JsonObject usage = expected.getJsonObject("usage");
    if (usage == null) {
      assertThat(actual.usage()).isNull();
    } else {
      assertThat(actual.usage().getInteger("prompt_tokens")).isEqualTo(usage.getInteger("input_tokens"));
      assertThat(actual.usage().getInteger("completion_tokens")).isEqualTo(usage.getInteger("output_tokens"));
    }
    JsonArray calls = expected.getJsonArray("tool_calls");
    assertThat(actual.toolCalls()).hasSize(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      JsonObject call = calls.getJsonObject(i);
      assertThat(actual.toolCalls().get(i).getString("id")).isEqualTo(call.getString("id"));
      assertThat(actual.toolCalls().get(i).getString("name")).isEqualTo(call.getString("name"));
      assertThat(actual.toolCalls().get(i).getString("arguments")).isEqualTo(call.getString("arguments"));
    }
    assertThat(actual.error()).isEqualTo(expected.getJsonObject("error"));
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }
}
