package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.ProviderRequests.gemini;
import static com.mas.gateway.simulator.ProviderRequests.geminiHeaders;
import static com.mas.gateway.simulator.ProviderRequests.geminiStream;
import static com.mas.gateway.simulator.ProviderRequests.withGeminiTool;
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
class GeminiStreamingTest {

  private static final String MODEL = "gemini-2.0-flash";

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
  void streams_crlf_data_chunks_without_a_terminator() {
    SimulatorClient.Exchange reply = stream(gemini("hi"), geminiHeaders(null));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("content-type")).isEqualTo("text/event-stream");
    assertThat(SseTranscript.lineEndings(reply.body())).isEqualTo("CRLF");
    assertThat(reply.body()).startsWith("data: {").endsWith("}\r\n\r\n")
        .doesNotContain("[DONE]").doesNotContain("event:");
    List<JsonObject> chunks = chunks(reply);
    assertThat(chunks).hasSize(12);
    assertThat(chunks).allSatisfy(chunk -> {
      assertThat(chunk.getString("modelVersion")).isEqualTo(MODEL);
      assertThat(chunk.getString("responseId")).isEqualTo(chunks.get(0).getString("responseId"));
      assertThat(candidate(chunk).getJsonObject("content").getString("role")).isEqualTo("model");
      assertThat(candidate(chunk).getInteger("index")).isZero();
    });
    assertThat(chunks.subList(0, 11)).allSatisfy(chunk -> {
      assertThat(candidate(chunk).containsKey("finishReason")).isFalse();
      assertThat(chunk.getJsonObject("usageMetadata").containsKey("candidatesTokenCount"))
          .isFalse();
    });
    assertThat(candidate(chunks.get(11)).getString("finishReason")).isEqualTo("STOP");
  }

  @Test
  void streamed_text_equals_the_simulated_answer_for_the_body_seed() {
    JsonObject body = gemini("hi").put("generationConfig", new JsonObject().put("seed", 77));

    SimulatorClient.Exchange reply = stream(body, geminiHeaders(null));

    assertThat(text(chunks(reply))).isEqualTo(SimulatedAnswer.text(77, AnswerLanguage.ENGLISH, 12));
    assertThat(chunks(reply)).extracting(chunk -> part(chunk).getString("text"))
        .containsExactlyElementsOf(SimulatedAnswer.tokens(77, AnswerLanguage.ENGLISH, 12));
  }

  @Test
  void usage_is_cumulative_and_the_last_chunk_counts_the_candidates() {
    JsonObject body = gemini("abcdefghij").put("systemInstruction", new JsonObject()
        .put("parts", new JsonArray().add(new JsonObject().put("text", "0123456789"))));

    List<JsonObject> chunks = chunks(stream(body, geminiHeaders(null)));

    JsonObject first = chunks.get(0).getJsonObject("usageMetadata");
    assertThat(first.getInteger("promptTokenCount")).isEqualTo(5);
    assertThat(first.getInteger("totalTokenCount")).isEqualTo(5);
    JsonObject last = chunks.get(11).getJsonObject("usageMetadata");
    assertThat(last.getMap()).containsEntry("promptTokenCount", 5)
        .containsEntry("candidatesTokenCount", 12).containsEntry("totalTokenCount", 17);
  }

  @Test
  void max_output_tokens_cuts_the_answer_with_max_tokens() {
    JsonObject body = gemini("hi").put("generation_config",
        new JsonObject().put("max_output_tokens", 4).put("seed", 3));

    List<JsonObject> chunks = chunks(stream(body, geminiHeaders(null, "x-sim-tokens", "20")));

    assertThat(text(chunks)).isEqualTo(SimulatedAnswer.text(3, AnswerLanguage.ENGLISH, 4));
    assertThat(candidate(chunks.get(3)).getString("finishReason")).isEqualTo("MAX_TOKENS");
    assertThat(chunks.get(3).getJsonObject("usageMetadata").getInteger("candidatesTokenCount"))
        .isEqualTo(4);
  }

  @Test
  void function_call_arrives_whole_in_one_chunk() {
    List<JsonObject> chunks = chunks(
        stream(withGeminiTool(gemini("weather?")), geminiHeaders(null, "x-sim-seed", "6")));

    assertThat(chunks).hasSize(1);
    String word = SimulatedAnswer.tokens(6, AnswerLanguage.ENGLISH, 1).get(0).trim();
    assertThat(part(chunks.get(0))).isEqualTo(new JsonObject().put("functionCall",
        new JsonObject().put("name", "get_weather").put("args", new JsonObject().put("query", word))));
    assertThat(candidate(chunks.get(0)).getString("finishReason")).isEqualTo("STOP");
    assertThat(chunks.get(0).getJsonObject("usageMetadata").getInteger("candidatesTokenCount"))
        .isEqualTo(5);
  }

  @Test
  void allowed_function_names_and_the_tool_call_header_name_the_function() {
    JsonObject allowed = withGeminiTool(gemini("weather?"));
    allowed.getJsonObject("toolConfig").getJsonObject("functionCallingConfig")
        .put("allowedFunctionNames", new JsonArray().add("get_weather"));
    JsonObject auto = withGeminiTool(gemini("weather?"));
    auto.getJsonObject("toolConfig").getJsonObject("functionCallingConfig").put("mode", "AUTO");

    JsonObject byName = part(chunks(stream(allowed, geminiHeaders(null))).get(0));
    JsonObject byHeader =
        part(chunks(stream(auto, geminiHeaders(null, "x-sim-tool-call", "lookup"))).get(0));
    String text = text(chunks(stream(auto, geminiHeaders(null, "x-sim-seed", "2"))));

    assertThat(byName.getJsonObject("functionCall").getString("name")).isEqualTo("get_weather");
    assertThat(byHeader.getJsonObject("functionCall").getString("name")).isEqualTo("lookup");
    assertThat(text).isEqualTo(SimulatedAnswer.text(2, AnswerLanguage.ENGLISH, 12));
  }

  @Test
  void stream_without_alt_sse_is_refused() {
    SimulatorClient.Exchange reply = client.post(
        "/v1beta/models/" + MODEL + ":streamGenerateContent", gemini("hi").encode(), Map.of());

    assertThat(reply.status()).isEqualTo(400);
    GeminiHttpTest.assertGeminiError(reply, 400, "INVALID_ARGUMENT");
    assertThat(reply.json().getJsonObject("error").getString("message")).contains("alt=sse");
  }

  private SimulatorClient.Exchange stream(JsonObject body, Map<String, String> headers) {
    return client.post(geminiStream(MODEL), body.encode(), headers);
  }

  static List<JsonObject> chunks(SimulatorClient.Exchange reply) {
    return reply.sse().stream().map(SseTranscript.Event::json).toList();
  }

  static JsonObject candidate(JsonObject chunk) {
    return chunk.getJsonArray("candidates").getJsonObject(0);
  }

  static JsonObject part(JsonObject chunk) {
    return candidate(chunk).getJsonObject("content").getJsonArray("parts").getJsonObject(0);
  }

  /** The text parts joined, as the Gemini SDK accumulates them. */
  static String text(List<JsonObject> chunks) {
    StringBuilder text = new StringBuilder();
    for (JsonObject chunk : chunks) {
      JsonObject content = candidate(chunk).getJsonObject("content");
      if (content != null) {
        text.append(part(chunk).getString("text", ""));
      }
    }
    return text.toString();
  }
}
