package com.mas.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.testkit.Conformance;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gemini error bodies (../shared/conformance/gemini/errors, sources in its README: firebase-data
 * recordings verbatim, the 429 assembled from observed fragments, the 503 as reported) mapped to
 * what the client sees.
 */
class GeminiErrorsTest {

  private static final String SECRET = "AIzaSyTESTKEY0123456789abcdefghijklmno";
  private final GeminiErrors errors = new GeminiErrors("gemini", SECRET);

  private GatewayException map(int status, String file) {
    return map(status, file, MultiMap.caseInsensitiveMultiMap());
  }

  private GatewayException map(int status, String file, MultiMap headers) {
    return errors.fromStatus(status, headers, Buffer.buffer(Conformance.bytes("gemini/errors/" + file)));
  }

  @Test
  void an_invalid_api_key_is_the_gateways_upstream_auth_failure() {
    // errors/400_INVALID_ARGUMENT_api_key.json: firebase-data unary-failure-api-key.json, verbatim
    GatewayException error = map(400, "400_INVALID_ARGUMENT_api_key.json");

    assertThat(error.status()).isEqualTo(502);
    assertThat(error.code()).isEqualTo("upstream_authentication_failed");
    assertThat(error.getMessage()).doesNotContain("API key not valid").doesNotContain("key1234");
  }

  @Test
  void permission_denied_is_an_upstream_auth_failure() {
    // errors/403_PERMISSION_DENIED.json: firebase-data unary-failure-generativelanguage-api-not-enabled.json
    GatewayException error = map(403, "403_PERMISSION_DENIED.json");

    assertThat(error.status()).isEqualTo(502);
    assertThat(error.code()).isEqualTo("upstream_authentication_failed");
    assertThat(error.getMessage()).doesNotContain("12345678");
  }

  @Test
  void not_found_is_model_not_found() {
    // errors/404_NOT_FOUND.json: firebase-data unary-failure-unknown-model.json
    GatewayException error = map(404, "404_NOT_FOUND.json");

    assertThat(error.status()).isEqualTo(404);
    assertThat(error.code()).isEqualTo("model_not_found");
    assertThat(error.getMessage()).contains("gemini-5.0-flash is not found");
  }

  @Test
  void resource_exhausted_keeps_429_with_retry_after_from_retry_info() {
    // errors/429_RESOURCE_EXHAUSTED.json: assembled (RetryInfo "47s" from googleapis/python-genai#2044)
    GatewayException error = map(429, "429_RESOURCE_EXHAUSTED.json", MultiMap.caseInsensitiveMultiMap()
        .add("retry-after", "5"));

    assertThat(error.status()).isEqualTo(429);
    assertThat(error.type()).isEqualTo("rate_limit_error");
    assertThat(error.headers()).containsEntry("retry-after", "47");
    assertThat(error.retryable()).isTrue();
  }

  @Test
  void retry_after_falls_back_to_the_header() {
    GatewayException error = errors.fromStatus(429, MultiMap.caseInsensitiveMultiMap().add("retry-after", "9"),
        Buffer.buffer("{\"error\":{\"code\":429,\"message\":\"slow\",\"status\":\"RESOURCE_EXHAUSTED\"}}"));

    assertThat(error.headers()).containsEntry("retry-after", "9");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"7s,7", "1.5s,2", "0.2s,1", "47.000001s,48", "0s,0", "7,", "-1s,", "soon,"})
  void retry_delays_round_up_to_whole_seconds(String delay, String seconds) {
    assertThat(GeminiErrors.seconds(delay)).isEqualTo(seconds);
  }

  @Test
  void unavailable_is_a_retryable_503() {
    // errors/503_UNAVAILABLE.json: body as reported in appatalks/eva-agent#50
    GatewayException error = map(503, "503_UNAVAILABLE.json");

    assertThat(error.status()).isEqualTo(503);
    assertThat(error.code()).isEqualTo("upstream_overloaded");
    assertThat(error.retryable()).isTrue();
  }

  @ParameterizedTest(name = "{0} {1} -> {2} {3}")
  @CsvSource({
      "400,INVALID_ARGUMENT,400,", "400,FAILED_PRECONDITION,502,upstream_precondition_failed",
      "401,UNAUTHENTICATED,502,upstream_authentication_failed", "500,INTERNAL,502,upstream_error",
      "504,DEADLINE_EXCEEDED,504,upstream_timeout", "499,CANCELLED,502,upstream_error"})
  void maps_the_other_canonical_codes(int status, String canonical, int expected, String code) {
    GatewayException error = errors.fromStatus(status, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(
        "{\n  \"error\": {\n    \"code\": " + status + ",\n    \"message\": \"went wrong with key " + SECRET
            + "\",\n    \"status\": \"" + canonical + "\"\n  }\n}\n"));

    assertThat(error.status()).isEqualTo(expected);
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.getMessage()).doesNotContain(SECRET);
  }

  @Test
  void a_400_keeps_the_scrubbed_upstream_message() {
    GatewayException error = errors.fromStatus(400, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(
        "{\"error\":{\"code\":400,\"message\":\"* GenerateContentRequest.contents: contents is not specified\","
            + "\"status\":\"INVALID_ARGUMENT\"}}"));

    assertThat(error.type()).isEqualTo("invalid_request_error");
    assertThat(error.getMessage()).isEqualTo("* GenerateContentRequest.contents: contents is not specified");
  }

  @Test
  void google_keys_in_upstream_messages_are_masked_even_when_not_the_gateways() {
    GatewayException error = errors.fromStatus(400, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(
        "{\"error\":{\"code\":400,\"message\":\"key AIzaSyOTHERKEY0123456789abcdefghijkl is odd\","
            + "\"status\":\"INVALID_ARGUMENT\"}}"));

    assertThat(error.getMessage()).isEqualTo("key **** is odd");
  }

  @Test
  void an_error_event_maps_by_its_code_or_else_its_status() throws Exception {
    var json = GeminiRequestMapperTest.JSON;
    String event = "{\"error\": {\"message\": \"busy\", \"status\": \"UNAVAILABLE\"}}";

    assertThat(errors.inStream(json.readTree(event).get("error"), Buffer.buffer(event)).status()).isEqualTo(503);
    String bad = Conformance.text("gemini/errors/400_INVALID_ARGUMENT_api_key.json");
    assertThat(errors.inStream(json.readTree(bad).get("error"), Buffer.buffer(bad)).code())
        .isEqualTo("upstream_authentication_failed");
  }

  @Test
  void a_body_that_is_not_json_still_maps_by_status() {
    assertThat(errors.fromStatus(503, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("<html>busy</html>")).status())
        .isEqualTo(503);
    assertThat(errors.fromStatus(504, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer()).status()).isEqualTo(504);
  }
}
