package com.mas.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.Conformance;
import com.mas.gateway.testkit.TestConfigs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end: Gemini failures as an OpenAI client sees them through the gateway: the error
 * bodies of ../shared/conformance/gemini/errors (and hand-written ones in the documented
 * {@code google.rpc.Status} shape), errors inside a stream, blocked prompts and cut streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeminiReplayErrorsTest {

  private GeminiGateway gateway;

  @BeforeAll
  void start() {
    gateway = new GeminiGateway();
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  @ParameterizedTest(name = "{1} -> {2} {3}")
  @CsvSource({
      "400,400_INVALID_ARGUMENT_api_key.json,502,upstream_authentication_failed",
      "403,403_PERMISSION_DENIED.json,502,upstream_authentication_failed",
      "404,404_NOT_FOUND.json,404,model_not_found",
      "429,429_RESOURCE_EXHAUSTED.json,429,rate_limit_exceeded",
      "503,503_UNAVAILABLE.json,503,upstream_overloaded"})
  void recorded_error_bodies_map_to_the_client_status(int status, String file, int expected, String code) {
    ClientResponse response = gateway.answer(status, "application/json",
        Conformance.text("gemini/errors/" + file), 0).chat(GeminiGateway.ask("Hi", true));

    assertThat(response.status()).isEqualTo(expected);
    assertThat(response.error().getString("code")).isEqualTo(code);
    assertThat(response.body().toString()).doesNotContain("key1234").doesNotContain(TestConfigs.UPSTREAM_KEY);
    if (status == 429) {
      assertThat(response.headers().get("retry-after")).isEqualTo("47");
    }
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({"400,INVALID_ARGUMENT,400", "500,INTERNAL,502", "504,DEADLINE_EXCEEDED,504",
      "400,FAILED_PRECONDITION,502"})
  void other_canonical_errors_map_to_the_client_status(int status, String canonical, int expected) {
    ClientResponse response = gateway.answer(status, "application/json", "{\n  \"error\": {\n    \"code\": " + status
        + ",\n    \"message\": \"Request failed.\",\n    \"status\": \"" + canonical + "\"\n  }\n}\n", 0)
        .chat(GeminiGateway.ask("Hi", false));

    assertThat(response.status()).isEqualTo(expected);
  }

  @Test
  void rate_limit_retry_delay_is_rounded_up_to_seconds() {
    ClientResponse response = gateway.answer(429, "application/json", "{\"error\": {\"code\": 429, \"message\": "
        + "\"Resource has been exhausted (e.g. check quota).\", \"status\": \"RESOURCE_EXHAUSTED\", \"details\": "
        + "[{\"@type\": \"type.googleapis.com/google.rpc.RetryInfo\", \"retryDelay\": \"1.5s\"}]}}", 0)
        .chat(GeminiGateway.ask("Hi", true));

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers().get("retry-after")).isEqualTo("2");
  }

  @Test
  void an_error_mid_stream_ends_the_stream_with_an_error_event() {
    // gemini/stream_error_midstream.sse: assembled, a data: event carrying a 503 UNAVAILABLE error
    ClientResponse response = gateway.stream(Conformance.text("gemini/stream_error_midstream.sse"), 0)
        .chat(GeminiGateway.ask("What is the capital of Wyoming?", true));

    ChatAssembler answer = ChatAssembler.ofEvents(response.events());
    assertThat(response.status()).isEqualTo(200);
    assertThat(answer.text()).isEqualTo("The");
    assertThat(answer.error().getString("code")).isEqualTo("upstream_overloaded");
    assertThat(answer.done()).isFalse();
  }

  @Test
  void an_error_event_before_any_content_is_an_http_error() {
    ClientResponse response = gateway.stream(GeminiSse.of("{\"error\": {\"code\": 503, \"message\": "
        + "\"The model is overloaded. Please try again later.\", \"status\": \"UNAVAILABLE\"}}"), 0)
        .chat(GeminiGateway.ask("Hi", true));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.error().getString("code")).isEqualTo("upstream_overloaded");
  }

  @Test
  void a_blocked_prompt_is_a_400_content_filter_streaming_or_not() {
    String blocked = "{\"promptFeedback\": {\"blockReason\": \"SAFETY\", \"safetyRatings\": [{\"category\": "
        + "\"HARM_CATEGORY_DANGEROUS_CONTENT\", \"probability\": \"HIGH\"}]}, \"usageMetadata\": "
        + "{\"promptTokenCount\": 8, \"totalTokenCount\": 8}}";
    ClientResponse streamed = gateway.stream(GeminiSse.of(blocked), 0).chat(GeminiGateway.ask("bad", true));
    ClientResponse whole = gateway.answer(200, "application/json", blocked, 0).chat(GeminiGateway.ask("bad", false));

    for (ClientResponse response : new ClientResponse[] {streamed, whole}) {
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.error().getString("code")).isEqualTo("content_filter");
      assertThat(response.error().getString("message")).contains("SAFETY");
    }
  }

  @Test
  void a_stream_without_a_finish_reason_was_cut() {
    String sse = Conformance.text("gemini/stream_text.sse");
    ClientResponse response = gateway.stream(sse.substring(0, sse.lastIndexOf("data: ")), 3)
        .chat(GeminiGateway.ask("What is the capital of Wyoming?", true));

    ChatAssembler answer = ChatAssembler.ofEvents(response.events());
    assertThat(answer.text()).isEqualTo("The capital of Wyoming");
    assertThat(answer.error().getString("code")).isEqualTo("upstream_stream_cut");
    assertThat(answer.done()).isFalse();
  }

  @Test
  void a_bare_json_error_after_data_events_ends_as_a_cut_stream() {
    // Shape of firebase-data vertexai/streaming-failure-error-mid-stream.txt (hand-made, LF):
    // data: chunks, then a pretty-printed error object outside any data: line.
    String sse = GeminiSse.of(GeminiSse.text("Once upon", null)).replace("\r\n", "\n")
        + "{\n  \"error\": {\n    \"code\": 499,\n    \"message\": \"The operation was cancelled.\",\n"
        + "    \"status\": \"CANCELLED\"\n  }\n}\n";
    ClientResponse response = gateway.stream(sse, 0).chat(GeminiGateway.ask("Story", true));

    ChatAssembler answer = ChatAssembler.ofEvents(response.events());
    assertThat(answer.text()).isEqualTo("Once upon");
    assertThat(answer.error().getString("code")).isEqualTo("upstream_stream_cut");
  }
}
