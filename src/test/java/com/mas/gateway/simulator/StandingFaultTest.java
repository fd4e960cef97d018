package com.mas.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.GatewayClient;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A fault set over HTTP that every request gets, model lists included, until it is cleared. */
class StandingFaultTest {

  private final Vertx vertx = Vertx.vertx();
  private final Simulator simulator = Await.result(Simulator.start(vertx, SimulatorOptions.defaults()));
  private final GatewayClient client = new GatewayClient(vertx, simulator.port());

  @AfterEach
  void close() {
    Await.result(vertx.close());
  }

  @Test
  void a_standing_fault_strikes_chats_and_model_lists_in_every_format_until_cleared() {
    assertThat(send(HttpMethod.PUT, "/sim/fault", headers("x-sim-fault", "status=529"), null).status()).isEqualTo(204);

    ClientResponse anthropicList = send(HttpMethod.GET, "/v1/models", headers("anthropic-version", "2023-06-01"), null);
    assertThat(anthropicList.status()).isEqualTo(529);
    assertThat(anthropicList.json().getJsonObject("error").getString("type")).isEqualTo("overloaded_error");
    assertThat(send(HttpMethod.GET, "/v1beta/models", headers(), null).status()).isEqualTo(529);
    ClientResponse chat = send(HttpMethod.POST, "/v1/chat/completions", headers("content-type", "application/json"),
        "{\"model\":\"sim-gpt\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(chat.status()).isEqualTo(529);

    assertThat(send(HttpMethod.DELETE, "/sim/fault", headers(), null).status()).isEqualTo(204);
    ClientResponse geminiList = send(HttpMethod.GET, "/v1beta/models", headers(), null);
    assertThat(geminiList.status()).isEqualTo(200);
    assertThat(geminiList.json().getJsonArray("models").getJsonObject(0).getString("name"))
        .isEqualTo("models/sim-gemini");
    assertThat(send(HttpMethod.GET, "/v1/models", headers("x-api-key", "k", "anthropic-version", "2023-06-01"), null)
        .json().getJsonArray("data").getJsonObject(0).getString("type")).isEqualTo("model");
    assertThat(send(HttpMethod.GET, "/v1/models", headers(), null).json().getString("object")).isEqualTo("list");
  }

  @Test
  void only_a_status_or_a_reset_can_stand() {
    ClientResponse refused = send(HttpMethod.PUT, "/sim/fault", headers("x-sim-fault", "cut-after=3"), null);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getJsonObject("error").getString("code")).isEqualTo("invalid_simulator_header");
    assertThat(send(HttpMethod.GET, "/v1/models", headers(), null).status()).isEqualTo(200);
  }

  private ClientResponse send(HttpMethod method, String path, MultiMap headers, String body) {
    return Await.result(client.send(method, path, headers, body == null ? Buffer.buffer() : Buffer.buffer(body)));
  }

  private static MultiMap headers(String... namesAndValues) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }
}
