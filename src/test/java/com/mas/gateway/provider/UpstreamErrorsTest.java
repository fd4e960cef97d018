package com.mas.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.testkit.Conformance;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Upstream error bodies from ../shared/conformance mapped to what the client sees. */
class UpstreamErrorsTest {

  private static final String SECRET = "sk-live-abcdefghijklmnop";

  private static GatewayException map(int status, String file, MultiMap headers) {
    return UpstreamErrors.fromStatus("openai", status, headers, Buffer.buffer(Conformance.bytes(file)), SECRET);
  }

  @Test
  void keeps_429_and_its_retry_after() {
    GatewayException error = map(429, "openai/errors/429_rate_limit_exceeded.json",
        MultiMap.caseInsensitiveMultiMap().add("retry-after", "7"));

    assertThat(error.status()).isEqualTo(429);
    assertThat(error.headers()).containsEntry("retry-after", "7");
    assertThat(error.code()).isEqualTo("rate_limit_exceeded");
    assertThat(error.retryable()).isTrue();
  }

  @Test
  void keeps_400_with_upstream_message_and_param() {
    GatewayException error = map(400, "openai/errors/400_context_length_exceeded.json", MultiMap.caseInsensitiveMultiMap());

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.getMessage()).contains("context length");
    assertThat(error.param()).isEqualTo("messages");
    assertThat(error.retryable()).isFalse();
  }

  @Test
  void upstream_auth_failure_is_the_gateways_problem_and_never_echoes_the_key() {
    GatewayException error = map(401, "deepseek/errors/401_authentication_error.json", MultiMap.caseInsensitiveMultiMap());

    assertThat(error.status()).isEqualTo(502);
    assertThat(error.code()).isEqualTo("upstream_authentication_failed");
    assertThat(error.getMessage()).doesNotContain("Authentication Fails");
  }

  @Test
  void maps_5xx_to_502_and_overload_to_503() {
    assertThat(map(500, "openai/errors/500_server_error.json", MultiMap.caseInsensitiveMultiMap()).status()).isEqualTo(502);
    GatewayException overloaded = UpstreamErrors.fromStatus("anthropic", 529, MultiMap.caseInsensitiveMultiMap(),
        Buffer.buffer(Conformance.bytes("anthropic/errors/529_overloaded_error.json")), SECRET);
    assertThat(overloaded.status()).isEqualTo(503);
  }

  @Test
  void maps_402_insufficient_balance_to_502() {
    assertThat(map(402, "deepseek/errors/402_insufficient_balance.json", MultiMap.caseInsensitiveMultiMap()).status())
        .isEqualTo(502);
  }

  @Test
  void scrubs_keys_from_messages() {
    String scrubbed = UpstreamErrors.scrub("bad key " + SECRET + " and sk-other1234567 and ****abcd", SECRET);

    assertThat(scrubbed).doesNotContain(SECRET).doesNotContain("sk-other").doesNotContain("abcd");
  }

  @Test
  void maps_transport_failures() {
    assertThat(UpstreamErrors.fromTransport("openai", new TimeoutException()).status()).isEqualTo(504);
    assertThat(UpstreamErrors.fromTransport("openai", new ConnectException("refused")).status()).isEqualTo(502);
  }
}
