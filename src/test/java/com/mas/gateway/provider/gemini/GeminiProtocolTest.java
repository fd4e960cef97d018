package com.mas.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.chat.ChatRequestParser;
import com.mas.gateway.config.PoolConfig;
import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.config.ProviderType;
import com.mas.gateway.config.Secret;
import com.mas.gateway.provider.Cancellation;
import com.mas.gateway.provider.UpstreamCall;
import io.vertx.core.MultiMap;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Endpoint and authentication of {@link GeminiProtocol} (README "Endpoint and auth"). */
class GeminiProtocolTest {

  private static ProviderConfig config(String baseUrl, String key) {
    return new ProviderConfig("gemini", ProviderType.GEMINI, baseUrl, new Secret(key), null,
        new PoolConfig(8, Duration.ofSeconds(30), false), true, List.of(), Map.of(), List.of());
  }

  private static UpstreamCall call(String model, boolean stream) {
    var request = new ChatRequestParser().parse(("{\"model\":\"m\",\"stream\":" + stream
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}").getBytes());
    return new UpstreamCall("req-1", request, model, new Cancellation(), MultiMap.caseInsensitiveMultiMap());
  }

  @Test
  void streams_use_stream_generate_content_with_alt_sse() {
    GeminiProtocol protocol = new GeminiProtocol(config("https://generativelanguage.googleapis.com/", "k"));

    assertThat(protocol.uri(call("gemini-2.5-flash", true))).isEqualTo(
        "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
    assertThat(protocol.uri(call("gemini-2.5-flash", false))).isEqualTo(
        "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"models/gemini-2.0-flash,gemini-2.0-flash", "tuned/../../x?key=1,tuned%2F..%2F..%2Fx%3Fkey%3D1",
      "a:b#c d,a%3Ab%23c%20d", "模型~1.5_x,%E6%A8%A1%E5%9E%8B~1.5_x"})
  void the_model_id_stays_one_path_segment(String model, String segment) {
    GeminiProtocol protocol = new GeminiProtocol(config("http://127.0.0.1:9", "k"));

    assertThat(protocol.uri(call(model, false))).isEqualTo("http://127.0.0.1:9/v1beta/models/" + segment
        + ":generateContent");
  }

  @Test
  void sends_the_key_as_x_goog_api_key_and_nothing_without_one() {
    RequestOptions keyed = new RequestOptions();
    new GeminiProtocol(config("http://127.0.0.1:9", "AIza-test")).authenticate(keyed);
    RequestOptions keyless = new RequestOptions();
    new GeminiProtocol(config("http://127.0.0.1:9", "")).authenticate(keyless);

    assertThat(keyed.getHeaders().get("x-goog-api-key")).isEqualTo("AIza-test");
    assertThat(keyed.getHeaders().contains("authorization")).isFalse();
    assertThat(keyless.getHeaders() == null || keyless.getHeaders().isEmpty()).isTrue();
  }

  @Test
  void each_attempt_gets_a_fresh_translator() {
    GeminiProtocol protocol = new GeminiProtocol(config("http://127.0.0.1:9", "k"));

    assertThat(protocol.translator(call("g", true))).isNotSameAs(protocol.translator(call("g", true)));
    assertThat(protocol.body(call("g", true)).toString())
        .isEqualTo("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"q\"}]}]}");
  }
}
