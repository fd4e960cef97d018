package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.ProviderRequests.anthropic;
import static com.mas.gateway.simulator.ProviderRequests.anthropicHeaders;
import static com.mas.gateway.simulator.ProviderRequests.gemini;
import static com.mas.gateway.simulator.ProviderRequests.geminiGenerate;
import static com.mas.gateway.simulator.SimulatorClient.chat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request that continues a broken answer (the partial answer as a last assistant turn, with
 * or without an instruction to continue) gets the rest of the same answer, in every format.
 */
@ExtendWith(VertxExtension.class)
class SimulatorContinuationTest {

  private static final String USER = "Which cleanser suits sensitive skin?";
  private static final String INSTRUCTION = "Continue exactly where you stopped, without repeating anything.";

  private SimulatorClient client;

  @BeforeEach
  void start(Vertx vertx) {
    client = SimulatorClient.start(vertx, SimulatorOptions.defaults().withAnswerTokens(16));
  }

  @AfterEach
  void stop() {
    client.close();
  }

  private String openAi(JsonObject body, Map<String, String> headers) {
    return client.post(body, headers).json().getJsonArray("choices").getJsonObject(0).getJsonObject("message")
        .getString("content");
  }

  private static JsonObject continuing(String partial, boolean instructed) {
    JsonObject body = chat("sim-gpt", USER);
    body.getJsonArray("messages").add(new JsonObject().put("role", "assistant").put("content", partial));
    if (instructed) {
      body.getJsonArray("messages").add(new JsonObject().put("role", "user").put("content", INSTRUCTION));
    }
    return body;
  }

  @ParameterizedTest(name = "cut after {0} characters")
  @ValueSource(ints = {0, 1, 9, 30})
  void an_openai_continuation_is_the_rest_of_the_same_answer(int cut) {
    String whole = openAi(chat("sim-gpt", USER), Map.of());
    String partial = whole.substring(0, cut);

    assertThat(partial + openAi(continuing(partial, true), Map.of())).isEqualTo(whole);
    assertThat(partial + openAi(continuing(partial, false), Map.of())).isEqualTo(whole);
  }

  @Test
  void an_overlap_says_the_last_tokens_of_the_partial_answer_again() {
    String whole = openAi(chat("sim-gpt", USER), Map.of());
    long seed = RequestBodies.hash(chat("sim-gpt", USER).mapTo(ObjectNode.class)
        .get("messages"));
    String partial = SimulatedAnswer.text(seed, AnswerLanguage.ENGLISH, 6);
    String lastTwo = String.join("", SimulatedAnswer.tokens(seed, AnswerLanguage.ENGLISH, 6).subList(4, 6));

    String continued = openAi(continuing(partial, true), Map.of("x-sim-continue-overlap", "2"));

    assertThat(continued).isEqualTo(lastTwo + whole.substring(partial.length()));
  }

  @Test
  void an_anthropic_prefill_is_continued() {
    String whole = client.post(ProviderRequests.MESSAGES, anthropic("sim-model", USER).encode(), anthropicHeaders(null))
        .json().getJsonArray("content").getJsonObject(0).getString("text");
    String partial = whole.substring(0, 12);
    JsonObject body = anthropic("sim-model", USER);
    body.getJsonArray("messages").add(new JsonObject().put("role", "assistant").put("content", partial));

    String continued = client.post(ProviderRequests.MESSAGES, body.encode(), anthropicHeaders(null)).json()
        .getJsonArray("content").getJsonObject(0).getString("text");

    assertThat(partial + continued).isEqualTo(whole);
  }

  @Test
  void a_gemini_continuation_is_continued() {
    String whole = geminiText(gemini(USER));
    String partial = whole.substring(0, 20);
    JsonObject body = gemini(USER);
    body.getJsonArray("contents")
        .add(new JsonObject().put("role", "model").put("parts", new JsonArray().add(new JsonObject().put("text", partial))))
        .add(new JsonObject().put("role", "user").put("parts", new JsonArray().add(new JsonObject().put("text",
            INSTRUCTION))));

    assertThat(partial + geminiText(body)).isEqualTo(whole);
  }

  @Test
  void several_tool_calls_stream_one_after_the_other() {
    JsonObject body = SimulatorClient.streamingChat("sim-gpt", USER).put("seed", 3).put("tool_choice", "required")
        .put("tools", new JsonArray().add(new JsonObject().put("type", "function")
            .put("function", new JsonObject().put("name", "find_product"))));

    var chunks = client.post(body, Map.of("x-sim-tool-calls", "3")).chunks();
    JsonObject[] calls = new JsonObject[3];
    for (JsonObject chunk : chunks) {
      JsonArray deltas = chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta")
          .getJsonArray("tool_calls", new JsonArray());
      for (int i = 0; i < deltas.size(); i++) {
        JsonObject delta = deltas.getJsonObject(i);
        int index = delta.getInteger("index");
        String fragment = delta.getJsonObject("function").getString("arguments", "");
        calls[index] = new JsonObject().put("arguments",
            (calls[index] == null ? "" : calls[index].getString("arguments")) + fragment);
      }
    }

    var words = SimulatedAnswer.tokens(3, AnswerLanguage.ENGLISH, 3);
    for (int i = 0; i < 3; i++) {
      assertThat(new JsonObject(calls[i].getString("arguments")))
          .isEqualTo(new JsonObject().put("query", words.get(i).trim()));
    }
  }

  private String geminiText(JsonObject body) {
    return client.post(geminiGenerate("sim-model"), body.encode(), Map.of()).json().getJsonArray("candidates")
        .getJsonObject(0).getJsonObject("content").getJsonArray("parts").getJsonObject(0).getString("text");
  }
}
