package com.mas.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.config.ProviderType;
import com.mas.gateway.config.Secret;
import com.mas.gateway.testkit.TestConfigs;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where {@link AnthropicProtocol} sends a call and how it authenticates. */
class AnthropicProtocolTest {

  private static AnthropicProtocol protocol(String baseUrl, String key) {
    return new AnthropicProtocol(new ProviderConfig("anthropic", ProviderType.ANTHROPIC, baseUrl, new Secret(key),
        null, null, true, List.of(), Map.of(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"https://api.anthropic.com, https://api.anthropic.com/v1/messages",
      "https://api.anthropic.com/, https://api.anthropic.com/v1/messages",
      "https://proxy.example.com/anthropic/v1, https://proxy.example.com/anthropic/v1/messages",
      "http://127.0.0.1:8090, http://127.0.0.1:8090/v1/messages"})
  void posts_to_v1_messages_under_the_base_url(String baseUrl, String endpoint) {
    assertThat(protocol(baseUrl, "k").uri(null)).isEqualTo(endpoint);
  }

  @Test
  void authenticates_with_x_api_key_and_pins_the_api_version() {
    RequestOptions options = new RequestOptions();
    protocol(ProviderType.ANTHROPIC.defaultBaseUrl(), TestConfigs.UPSTREAM_KEY).authenticate(options);

    assertThat(options.getHeaders().get("x-api-key")).isEqualTo(TestConfigs.UPSTREAM_KEY);
    assertThat(options.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(options.getHeaders().contains("authorization")).isFalse();
  }

  @Test
  void sends_no_key_when_none_is_configured() {
    RequestOptions options = new RequestOptions();
    protocol("http://127.0.0.1:8090", "").authenticate(options);

    assertThat(options.getHeaders().contains("x-api-key")).isFalse();
    assertThat(options.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
  }
}
