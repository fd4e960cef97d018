package com.mas.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.Conformance;
import com.mas.gateway.testkit.TestConfigs;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Anthropic failures end to end: error statuses with the conformance error bodies
 * (../shared/conformance/anthropic/errors, see its README.md) and error events inside a stream,
 * before and after content.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnthropicFailureTest {

  private static final String REQUEST = "{\"model\":\"claude-3-7-sonnet-20250219\",\"stream\":true,"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

  private AnthropicGateway gateway;

  @BeforeAll
  void start() {
    gateway = new AnthropicGateway();
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  @ParameterizedTest(name = "{0} -> {2} {3}")
  @CsvSource({
      "400, 400_invalid_request_error.json, 400, , Prefilling assistant messages, false",
      "401, 401_authentication_error.json, 502, upstream_authentication_failed, credentials, false",
      "403, 403_permission_error.json, 502, upstream_authentication_failed, credentials, false",
      "404, 404_not_found_error.json, 404, model_not_found, could not be found, false",
      "413, 413_request_too_large.json, 413, request_too_large, maximum allowed number of bytes, false",
      "429, 429_rate_limit_error.json, 429, rate_limit_exceeded, rate limit, true",
      "500, 500_api_error.json, 502, upstream_error, Internal server error, true",
      "529, 529_overloaded_error.json, 503, upstream_overloaded, Overloaded, true",
      "503, 529_overloaded_error.json, 503, upstream_overloaded, Overloaded, true"})
  void each_error_status_reaches_the_client_mapped(int status, String file, int expected, String code, String text,
      boolean keepsRetryAfter) {
    gateway.upstream.answer(status, "application/json", Conformance.bytes("anthropic/errors/" + file), 0)
        .withHeaders(Map.of("retry-after", "20", "request-id", "req_011CSHoEeqs5C35K2UUqR7Fy"));
    for (String request : new String[] {REQUEST, REQUEST.replace("\"stream\":true,", "")}) {
      ClientResponse response = Await.result(gateway.client.chat(request));

      assertThat(response.status()).isEqualTo(expected);
      assertThat(response.error().getString("code")).isEqualTo(code);
      assertThat(response.error().getString("message")).contains(text);
      assertThat(response.headers().get("retry-after")).isEqualTo(keepsRetryAfter ? "20" : null);
      assertThat(response.body().toString()).doesNotContain(TestConfigs.UPSTREAM_KEY).doesNotContain("x-api-key");
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"overloaded_error, 503, upstream_overloaded", "rate_limit_error, 429, rate_limit_exceeded",
      "api_error, 502, upstream_error"})
  void an_error_event_before_any_content_becomes_the_http_status(String type, int status, String code) {
    ClientResponse response = gateway.stream(AnthropicStream.start().ping().error(type, "Overloaded").text(), 0, REQUEST);

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.headers().get("content-type")).startsWith("application/json");
    assertThat(response.error().getString("code")).isEqualTo(code);
  }

  @Test
  void an_error_event_after_content_ends_the_stream_with_an_error_event() {
    ClientResponse response = gateway.stream(AnthropicStream.start().text("Partial an").error("overloaded_error",
        "Overloaded").text(), 3, REQUEST);
    ChatAssembler chat = ChatAssembler.ofEvents(response.events());

    assertThat(response.status()).isEqualTo(200);
    assertThat(chat.text()).isEqualTo("Partial an");
    assertThat(chat.error().getString("code")).isEqualTo("upstream_overloaded");
    assertThat(chat.done()).isFalse();
  }

  @Test
  void a_stream_cut_before_message_stop_ends_with_an_error() {
    ClientResponse before = gateway.stream(AnthropicStream.start().text(), 0, REQUEST);
    ClientResponse after = gateway.stream(AnthropicStream.start().text("Hal").text(), 0, REQUEST);

    assertThat(before.status()).isEqualTo(502);
    assertThat(before.error().getString("code")).isEqualTo("upstream_stream_cut");
    assertThat(after.status()).isEqualTo(200);
    assertThat(ChatAssembler.ofEvents(after.events()).error().getString("code")).isEqualTo("upstream_stream_cut");
  }
}
