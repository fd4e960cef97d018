package com.mas.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.config.TimeoutConfig;
import com.mas.gateway.simulator.AnswerLanguage;
import com.mas.gateway.simulator.SimulatedAnswer;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.SimulatedUpstream;
import com.mas.gateway.testkit.StreamProbe;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Answers from the simulator reach the client whole, in order, token by token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingTest {

  private SimulatedUpstream setup;

  @BeforeAll
  void start() {
    setup = new SimulatedUpstream(TimeoutConfig.DEFAULT);
  }

  @AfterAll
  void stop() {
    setup.close();
  }

  @Test
  void streams_the_simulator_answer_in_order_ending_with_done() {
    String body = new JsonObject(SimulatedUpstream.chat("openai/sim-gpt", true)).put("seed", 42).encode();
    ClientResponse response = Await.result(setup.client.chat(body, Map.of("x-sim-tokens", "25")));
    ChatAssembler answer = ChatAssembler.ofEvents(response.events());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("x-gateway-provider")).isEqualTo("openai");
    assertThat(response.headers().get("x-request-id")).isNotBlank();
    assertThat(answer.text()).isEqualTo(SimulatedAnswer.text(42, AnswerLanguage.ENGLISH, 25));
    assertThat(answer.finishReason()).isEqualTo("stop");
    assertThat(response.events()).last().isEqualTo("[DONE]");
    assertThat(answer.usage()).as("no usage chunk unless asked").isNull();
  }

  @Test
  void honours_include_usage_with_a_final_usage_chunk() {
    String body = new JsonObject(SimulatedUpstream.chat("openai/sim-gpt", true)).put("seed", 7)
        .put("stream_options", new JsonObject().put("include_usage", true)).encode();
    ClientResponse response = Await.result(setup.client.chat(body, Map.of("x-sim-tokens", "12")));
    List<String> events = response.events();
    JsonObject usageChunk = new JsonObject(events.get(events.size() - 2));

    assertThat(usageChunk.getJsonArray("choices")).isEmpty();
    assertThat(usageChunk.getJsonObject("usage").getInteger("completion_tokens")).isEqualTo(12);
  }

  @Test
  void streams_chinese_answers_intact() {
    String body = new JsonObject(SimulatedUpstream.chat("openai/sim-gpt", true)).put("seed", 3).encode();
    ClientResponse response = Await.result(setup.client.chat(body,
        Map.of("x-sim-tokens", "40", "x-sim-language", "zh-Hant")));

    assertThat(ChatAssembler.ofEvents(response.events()).text())
        .isEqualTo(SimulatedAnswer.text(3, AnswerLanguage.TRADITIONAL_CHINESE, 40));
  }

  @Test
  void answers_non_streaming_requests_with_a_chat_completion() {
    String body = new JsonObject(SimulatedUpstream.chat("openai/sim-gpt", false)).put("seed", 11).encode();
    ClientResponse response = Await.result(setup.client.chat(body, Map.of("x-sim-tokens", "9")));
    JsonObject completion = response.json();

    assertThat(response.status()).isEqualTo(200);
    assertThat(completion.getString("object")).isEqualTo("chat.completion");
    assertThat(completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"))
        .isEqualTo(SimulatedAnswer.text(11, AnswerLanguage.ENGLISH, 9));
    assertThat(completion.getJsonObject("usage").getInteger("completion_tokens")).isEqualTo(9);
  }

  @Test
  void passes_tool_call_deltas_through_intact() {
    JsonObject body = new JsonObject(SimulatedUpstream.chat("openai/sim-gpt", true))
        .put("tools", new io.vertx.core.json.JsonArray().add(new JsonObject().put("type", "function").put("function",
            new JsonObject().put("name", "find_product").put("parameters", new JsonObject().put("type", "object")))))
        .put("tool_choice", "required");
    ClientResponse response = Await.result(setup.client.chat(body.encode()));
    ChatAssembler answer = ChatAssembler.ofEvents(response.events());

    assertThat(answer.finishReason()).isEqualTo("tool_calls");
    assertThat(answer.toolCalls()).hasSize(1);
    assertThat(answer.toolCalls().get(0).getString("name")).isEqualTo("find_product");
    assertThat(new JsonObject(answer.toolCalls().get(0).getString("arguments"))).isNotNull();
  }

  @Test
  void delivers_tokens_as_they_are_generated_not_at_the_end() {
    StreamProbe probe = setup.probe();
    Await.result(probe.start(setup.gateway.port(), SimulatedUpstream.chat("openai/sim-gpt", true),
        Map.of("x-sim-tokens", "20", "x-sim-tps", "25")));
    Await.result(probe.ended());
    List<StreamProbe.Arrival> arrivals = probe.arrivals();
    long firstContent = arrivals.get(1).nanos();

    assertThat(probe.endNanos() - firstContent).as("first token arrived well before the end")
        .isGreaterThan(400_000_000L);
    assertThat(arrivals.get(arrivals.size() - 1).payload()).isEqualTo("[DONE]");
  }
}
