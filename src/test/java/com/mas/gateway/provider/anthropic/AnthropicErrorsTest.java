package com.mas.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.testkit.Conformance;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Anthropic's error bodies of ../shared/conformance/anthropic/errors (err-doc shapes, see its
 * README.md for each file's provenance) as the errors the client sees.
 */
class AnthropicErrorsTest {

  private static final String SECRET = "sk-ant-api03-secretsecret";
  private final AnthropicErrors errors = new AnthropicErrors("claude", SECRET);

  private GatewayException map(int status, String file) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("retry-after", "17").add("request-id", "req_1");
    return errors.forStatus(status, headers, Buffer.buffer(Conformance.bytes("anthropic/errors/" + file)));
  }

  @ParameterizedTest(name = "{0} {1} -> {2} {3}")
  @CsvSource({
      "400, 400_invalid_request_error.json, 400, invalid_request_error, , false",
      "401, 401_authentication_error.json, 502, server_error, upstream_authentication_failed, false",
      "403, 403_permission_error.json, 502, server_error, upstream_authentication_failed, false",
      "404, 404_not_found_error.json, 404, invalid_request_error, model_not_found, false",
      "413, 413_request_too_large.json, 413, invalid_request_error, request_too_large, false",
      "429, 429_rate_limit_error.json, 429, rate_limit_error, rate_limit_exceeded, true",
      "500, 500_api_error.json, 502, server_error, upstream_error, true",
      "504, 504_timeout_error.json, 502, server_error, upstream_error, true",
      "529, 529_overloaded_error.json, 503, server_error, upstream_overloaded, true",
      "503, 529_overloaded_error.json, 503, server_error, upstream_overloaded, true"})
  void maps_each_documented_status(int status, String file, int expected, String type, String code, boolean retryAfter) {
    GatewayException error = map(status, file);

    assertThat(error.status()).isEqualTo(expected);
    assertThat(error.type()).isEqualTo(type);
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.headers().containsKey("retry-after")).isEqualTo(retryAfter);
    assertThat(error.retryable()).isEqualTo(expected == 429 || expected >= 500);
  }

  @Test
  void a_bad_request_keeps_anthropics_message() {
    assertThat(map(400, "400_invalid_request_error.json").getMessage())
        .isEqualTo("Prefilling assistant messages is not supported for this model.");
  }

  @Test
  void a_credential_failure_never_carries_the_upstream_text() {
    assertThat(map(401, "401_authentication_error.json").getMessage()).doesNotContain("x-api-key");
    assertThat(map(403, "403_permission_error.json").getMessage()).doesNotContain("permission");
  }

  @Test
  void messages_are_scrubbed_of_the_key() {
    String body = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad key " + SECRET
        + "\"}}";
    GatewayException error = errors.forStatus(400, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(body));

    assertThat(error.getMessage()).doesNotContain(SECRET).contains("****");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"invalid_request_error, 400", "authentication_error, 401", "billing_error, 402", "permission_error, 403",
      "not_found_error, 404", "request_too_large, 413", "rate_limit_error, 429", "api_error, 500",
      "timeout_error, 504", "overloaded_error, 529", "unheard_of_error, 500"})
  void an_error_types_status_follows_the_documented_table(String type, int status) {
    assertThat(AnthropicErrors.statusOf(type)).isEqualTo(status);
  }

  @Test
  void an_in_stream_overload_is_a_retryable_503() {
    // stream_error_overloaded_observed.sse's error payload, with details and request_id
    GatewayException error = errors.forEvent(Buffer.buffer("{\"type\":\"error\",\"error\":{\"details\":null,"
        + "\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},\"request_id\":\"req_011CbH2tebHZNU59XQAwrq2m\"}"));

    assertThat(error.status()).isEqualTo(503);
    assertThat(error.code()).isEqualTo("upstream_overloaded");
    assertThat(error.retryable()).isTrue();
  }
}
