package com.mas.gateway.provider.anthropic;

import static com.mas.gateway.provider.anthropic.ConformanceStreams.assertMatches;
import static com.mas.gateway.provider.anthropic.ConformanceStreams.assertUsage;
import static com.mas.gateway.provider.anthropic.ConformanceStreams.expected;
import static com.mas.gateway.provider.anthropic.ConformanceStreams.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.Conformance;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the Anthropic transcripts of ../shared/conformance/anthropic (stream_*.sse and
 * nonstream.json, see its README.md) through a real gateway to an OpenAI-shaped client: the
 * assembled answer matches each {@code *.expected.json}, and neither byte boundaries (inside
 * lines and multi-byte characters) nor CRLF line ends change it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnthropicReplayTest {

  private AnthropicGateway gateway;

  @BeforeAll
  void start() {
    gateway = new AnthropicGateway();
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  /** The OpenAI form of the transcript's request, asking for the usage chunk. */
  private static String request(String name) {
    String file = "anthropic/" + name + ".request.json";
    String openAi = name.equals("stream_tool_use") ? ConformanceRequestTest.TOOL_USE
        : Conformance.text(Conformance.exists(file) ? file : "anthropic/stream_text.request.json");
    return new JsonObject(openAi).put("stream_options", new JsonObject().put("include_usage", true)).encode();
  }

  private ChatAssembler replay(String name, String sse, int maxPiece) {
    ClientResponse response = gateway.stream(sse, maxPiece, request(name));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("content-type")).startsWith("text/event-stream");
    return ChatAssembler.ofEvents(response.events());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("com.mas.gateway.provider.anthropic.ConformanceStreams#complete")
  void the_client_assembles_the_expected_answer(String name) {
    ChatAssembler chat = replay(name, sse(name), 0);

    assertMatches(chat, expected(name));
    assertUsage(chat, expected(name));
    assertThat(chat.error()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("com.mas.gateway.provider.anthropic.ConformanceStreams#complete")
  void byte_boundaries_and_crlf_do_not_change_the_answer(String name) {
    JsonObject whole = ConformanceStreams.view(replay(name, sse(name), 0));
    String crlf = ConformanceStreams.crlf(sse(name));

    for (int maxPiece : new int[] {1, 3, 7, 64}) {
      assertThat(ConformanceStreams.view(replay(name, sse(name), maxPiece))).as("LF, pieces of %d", maxPiece)
          .isEqualTo(whole);
      assertThat(ConformanceStreams.view(replay(name, crlf, maxPiece))).as("CRLF, pieces of %d", maxPiece)
          .isEqualTo(whole);
    }
    assertThat(ConformanceStreams.view(replay(name, crlf, 0))).as("CRLF, whole").isEqualTo(whole);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("com.mas.gateway.provider.anthropic.ConformanceStreams#failing")
  void an_overload_after_text_ends_the_stream_with_an_error_event(String name) {
    for (int maxPiece : new int[] {0, 5}) {
      ChatAssembler chat = replay(name, ConformanceStreams.crlf(sse(name)), maxPiece);

      assertMatches(chat, expected(name));
      assertThat(chat.error().getString("code")).isEqualTo("upstream_overloaded");
      assertThat(chat.error().getString("type")).isEqualTo("server_error");
      assertThat(chat.done()).isFalse();
    }
  }

  @Test
  void the_documented_whole_message_becomes_a_chat_completion() {
    // nonstream.json and nonstream.request.json: the docs.anthropic.com/en/api/messages example
    ClientResponse response = gateway.whole(Conformance.text("anthropic/nonstream.json"),
        Conformance.text("anthropic/nonstream.request.json"));
    JsonObject expected = new JsonObject(Conformance.text("anthropic/nonstream.expected.json"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("content-type")).startsWith("application/json");
    JsonObject choice = response.json().getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getJsonObject("message").getString("content")).isEqualTo(expected.getString("text"));
    assertThat(choice.getString("finish_reason")).isEqualTo("stop");
    assertThat(response.json().getJsonObject("usage").getInteger("prompt_tokens"))
        .isEqualTo(expected.getJsonObject("usage").getInteger("input_tokens"));
    assertThat(response.json().getJsonObject("usage").getInteger("completion_tokens"))
        .isEqualTo(expected.getJsonObject("usage").getInteger("output_tokens"));
    assertThat(new JsonObject(gateway.lastReceived().body()))
        .isEqualTo(new JsonObject(Conformance.text("anthropic/nonstream.request.json")));
  }

  @Test
  void the_full_request_reaches_the_upstream_as_request_full_json() {
    gateway.stream(sse("stream_text"), 0, ConformanceRequestTest.FULL);

    assertThat(new JsonObject(gateway.lastReceived().body()))
        .isEqualTo(new JsonObject(Conformance.text("anthropic/request_full.json")));
    assertThat(gateway.lastReceived().path()).isEqualTo("/v1/messages");
  }
}
