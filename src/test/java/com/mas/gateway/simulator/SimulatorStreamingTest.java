package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.SimulatorClient.streamingChat;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SimulatorStreamingTest {

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
  void streams_openai_chunks_ending_with_done() {
    SimulatorClient.Exchange reply = client.post(
        streamingChat("gpt-4o-mini", "hello").put("seed", 1), Map.of("x-request-id", "req-1"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("content-type")).isEqualTo("text/event-stream");
    assertThat(reply.header("x-request-id")).isEqualTo("req-1");
    assertThat(reply.body()).endsWith("\n\ndata: [DONE]\n\n");
    List<JsonObject> chunks = reply.chunks();
    assertThat(chunks).hasSize(1 + 12 + 1);
    assertThat(chunks).allSatisfy(chunk -> {
      assertThat(chunk.getString("id"))
          .isEqualTo(chunks.get(0).getString("id")).startsWith("chatcmpl-");
      assertThat(chunk.getString("object")).isEqualTo("chat.completion.chunk");
      assertThat(chunk.getLong("created")).isEqualTo(chunks.get(0).getLong("created"));
      assertThat(chunk.getString("model")).isEqualTo("gpt-4o-mini");
      assertThat(chunk.getString("system_fingerprint")).startsWith("fp_");
    });
    assertThat(delta(chunks.get(0))).isEqualTo(
        new JsonObject("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}"));
    assertThat(delta(chunks.get(1)).fieldNames()).containsExactly("content");
    assertThat(choice(chunks.get(1)).getValue("finish_reason")).isNull();
    JsonObject last = chunks.get(chunks.size() - 1);
    assertThat(delta(last)).isEqualTo(new JsonObject());
    assertThat(choice(last).getString("finish_reason")).isEqualTo("stop");
  }

  @Test
  void streamed_text_equals_the_simulated_answer_for_the_seed() {
    SimulatorClient.Exchange reply =
        client.post(streamingChat("sim-gpt", "hi").put("seed", 77), Map.of());

    assertThat(reply.content()).isEqualTo(SimulatedAnswer.text(77, AnswerLanguage.ENGLISH, 12));
    assertThat(reply.chunks().subList(1, 13))
        .extracting(chunk -> delta(chunk).getString("content"))
        .containsExactlyElementsOf(SimulatedAnswer.tokens(77, AnswerLanguage.ENGLISH, 12));
  }

  @Test
  void seed_header_is_used_when_the_body_has_none() {
    SimulatorClient.Exchange reply =
        client.post(streamingChat("sim-gpt", "hi"),
            Map.of("x-sim-seed", "5", "x-sim-tokens", "30"));

    assertThat(reply.content()).isEqualTo(SimulatedAnswer.text(5, AnswerLanguage.ENGLISH, 30));
  }

  @Test
  void body_seed_wins_over_the_seed_header() {
    SimulatorClient.Exchange reply =
        client.post(streamingChat("sim-gpt", "hi").put("seed", 77), Map.of("x-sim-seed", "5"));

    assertThat(reply.content()).isEqualTo(SimulatedAnswer.text(77, AnswerLanguage.ENGLISH, 12));
  }

  @Test
  void identical_messages_get_identical_answers_and_different_messages_do_not() {
    String first = client.post(streamingChat("sim-gpt", "which cream?"), Map.of()).content();
    String again = client.post(streamingChat("sim-gpt", "which cream?"), Map.of()).content();
    String other = client.post(streamingChat("sim-gpt", "which serum?"), Map.of()).content();

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void usage_chunk_comes_before_done_when_include_usage_is_set() {
    JsonObject body = streamingChat("sim-gpt", "abcdefghij")
        .put("stream_options", new JsonObject().put("include_usage", true));

    List<JsonObject> chunks = client.post(body, Map.of()).chunks();

    JsonObject usageChunk = chunks.get(chunks.size() - 1);
    assertThat(usageChunk.getJsonArray("choices")).isEmpty();
    assertThat(usageChunk.getJsonObject("usage").getMap()).containsEntry("prompt_tokens", 3)
        .containsEntry("completion_tokens", 12).containsEntry("total_tokens", 15);
    assertThat(choice(chunks.get(chunks.size() - 2)).getString("finish_reason")).isEqualTo("stop");
  }

  @Test
  void sends_no_usage_chunk_without_include_usage() {
    List<JsonObject> chunks = client.post(streamingChat("sim-gpt", "hi"), Map.of()).chunks();

    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.containsKey("usage")).isFalse());
  }

  @Test
  void max_tokens_cuts_the_answer_with_finish_reason_length_and_matching_usage() {
    JsonObject body = streamingChat("sim-gpt", "hi").put("seed", 3).put("max_tokens", 4)
        .put("stream_options", new JsonObject().put("include_usage", true));

    SimulatorClient.Exchange reply = client.post(body, Map.of("x-sim-tokens", "20"));

    List<JsonObject> chunks = reply.chunks();
    assertThat(reply.content()).isEqualTo(SimulatedAnswer.text(3, AnswerLanguage.ENGLISH, 4));
    assertThat(choice(chunks.get(chunks.size() - 2)).getString("finish_reason"))
        .isEqualTo("length");
    assertThat(chunks.get(chunks.size() - 1).getJsonObject("usage").getInteger("completion_tokens"))
        .isEqualTo(4);
  }

  @Test
  void max_tokens_above_the_answer_length_finishes_with_stop() {
    JsonObject body = streamingChat("sim-gpt", "hi").put("max_completion_tokens", 100);

    List<JsonObject> chunks = client.post(body, Map.of()).chunks();

    assertThat(chunks).hasSize(14);
    assertThat(choice(chunks.get(13)).getString("finish_reason")).isEqualTo("stop");
  }

  @Test
  void simplified_and_traditional_chinese_answers_differ() {
    JsonObject body = streamingChat("sim-gpt", "你好").put("seed", 8);

    String hans = client.post(body, Map.of("x-sim-language", "zh-Hans")).content();
    String hant = client.post(body, Map.of("x-sim-language", "zh-Hant")).content();

    assertThat(hans).isEqualTo(SimulatedAnswer.text(8, AnswerLanguage.SIMPLIFIED_CHINESE, 12));
    assertThat(hant).isEqualTo(SimulatedAnswer.text(8, AnswerLanguage.TRADITIONAL_CHINESE, 12));
    assertThat(hans).isNotEqualTo(hant);
  }

  @Test
  void token_bytes_pads_every_content_delta() {
    SimulatorClient.Exchange reply = client.post(streamingChat("sim-gpt", "hi"),
        Map.of("x-sim-token-bytes", "4096", "x-sim-tokens", "5"));

    assertThat(reply.chunks().subList(1, 6)).allSatisfy(chunk ->
        assertThat(delta(chunk).getString("content").length()).isBetween(4096, 4096 + 20));
  }

  @Test
  void deepseek_style_path_without_v1_answers_the_same_way() {
    JsonObject body = streamingChat("deepseek-chat", "hi").put("seed", 4);

    SimulatorClient.Exchange reply = client.post("/chat/completions", body.encode(), Map.of());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.content()).isEqualTo(SimulatedAnswer.text(4, AnswerLanguage.ENGLISH, 12));
  }

  @Test
  void tool_call_deltas_assemble_to_valid_json_arguments() {
    JsonObject body = withWeatherTool(streamingChat("sim-gpt", "weather?").put("seed", 6))
        .put("tool_choice", "required");

    List<JsonObject> chunks = client.post(body, Map.of()).chunks();

    JsonObject first = delta(chunks.get(0));
    assertThat(first.getString("role")).isEqualTo("assistant");
    assertThat(first.containsKey("content")).isTrue();
    assertThat(first.getValue("content")).isNull();
    JsonObject call = first.getJsonArray("tool_calls").getJsonObject(0);
    assertThat(call.getInteger("index")).isZero();
    assertThat(call.getString("id")).startsWith("call_");
    assertThat(call.getString("type")).isEqualTo("function");
    assertThat(call.getJsonObject("function")).isEqualTo(
        new JsonObject().put("name", "get_weather").put("arguments", ""));
    JsonObject arguments = new JsonObject(argumentsOf(chunks));
    String word = SimulatedAnswer.tokens(6, AnswerLanguage.ENGLISH, 1).get(0).trim();
    assertThat(arguments).isEqualTo(new JsonObject().put("query", word));
    assertThat(choice(chunks.get(chunks.size() - 1)).getString("finish_reason"))
        .isEqualTo("tool_calls");
  }

  @Test
  void tool_call_header_names_the_function_to_call() {
    JsonObject body = withWeatherTool(streamingChat("sim-gpt", "weather?"));

    List<JsonObject> chunks = client.post(body, Map.of("x-sim-tool-call", "lookup")).chunks();

    assertThat(delta(chunks.get(0)).getJsonArray("tool_calls").getJsonObject(0)
        .getJsonObject("function").getString("name")).isEqualTo("lookup");
  }

  @Test
  void tool_choice_auto_without_header_answers_with_text() {
    JsonObject body = withWeatherTool(streamingChat("sim-gpt", "weather?").put("seed", 2))
        .put("tool_choice", "auto");

    SimulatorClient.Exchange reply = client.post(body, Map.of());

    assertThat(reply.content()).isEqualTo(SimulatedAnswer.text(2, AnswerLanguage.ENGLISH, 12));
  }

  static JsonObject withWeatherTool(JsonObject body) {
    JsonObject function = new JsonObject().put("name", "get_weather")
        .put("parameters", new JsonObject().put("type", "object"));
    return body.put("tools", new JsonArray()
        .add(new JsonObject().put("type", "function").put("function", function)));
  }

  static String argumentsOf(List<JsonObject> chunks) {
    StringBuilder arguments = new StringBuilder();
    for (JsonObject chunk : chunks) {
      JsonArray calls = delta(chunk).getJsonArray("tool_calls");
      if (calls != null) {
        arguments.append(calls.getJsonObject(0).getJsonObject("function").getString("arguments"));
      }
    }
    return arguments.toString();
  }

  static JsonObject choice(JsonObject chunk) {
    return chunk.getJsonArray("choices").getJsonObject(0);
  }

  static JsonObject delta(JsonObject chunk) {
    return choice(chunk).getJsonObject("delta");
  }
}
