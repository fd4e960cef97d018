package com.mas.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.chat.CostQuote;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.TestConfigs;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every answer reports its cost: {@code x-gateway-cost-usd} on whole answers, {@code usage.cost_usd}
 * in the usage chunk of streams, for the OpenAI pass-through and the translated Anthropic and
 * Gemini answers alike. Runs on the in-memory ledger (no Redis configured).
 */
class CostReportingTest {

  private static PricedGateway gateway;

  @BeforeAll
  static void start() {
    TenantConfig acme = new TenantConfig("acme", List.of(TestConfigs.sha256(TestConfigs.KEY)));
    gateway = new PricedGateway(PricedGateway.tenants(acme),
        PricedGateway.pricing("gpt-4o-mini", "claude-haiku-4-5", "gemini-2.5-flash"), RedisConfig.IN_MEMORY);
  }

  @AfterAll
  static void close() {
    gateway.close();
  }

  private static String chat(String model, boolean stream, boolean includeUsage) {
    return "{\"model\":\"" + model + "\",\"stream\":" + stream + (includeUsage
        ? ",\"stream_options\":{\"include_usage\":true}" : "")
        + ",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Recommend a toner for dry skin.\"}]}";
  }

  /** At {@link PricedGateway#SIMPLE}: a micro-dollar per prompt token, two per completion token. */
  private static long expectedMicros(JsonObject usage) {
    return usage.getLong("prompt_tokens") + 2 * usage.getLong("completion_tokens");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt-4o-mini", "claude-haiku-4-5", "gemini-2.5-flash"})
  void a_whole_answer_carries_its_cost_in_a_header(String model) {
    ClientResponse response = Await.result(gateway.chat(chat(model, false, false), Map.of("x-sim-tokens", "12")));

    assertThat(response.status()).isEqualTo(200);
    JsonObject usage = response.json().getJsonObject("usage");
    assertThat(usage.getLong("completion_tokens")).isEqualTo(12);
    assertThat(response.headers().get("x-gateway-cost-usd")).isEqualTo(CostQuote.usd(expectedMicros(usage)));
    assertThat(usage.containsKey("cost_usd")).isFalse(); // the body passes through untouched
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt-4o-mini", "claude-haiku-4-5", "gemini-2.5-flash"})
  void a_stream_carries_its_cost_in_the_usage_chunk(String model) {
    ClientResponse response = Await.result(gateway.chat(chat(model, true, true), Map.of("x-sim-tokens", "9")));

    assertThat(response.status()).isEqualTo(200);
    JsonObject usage = ChatAssembler.ofEvents(response.events()).usage();
    assertThat(usage.getLong("completion_tokens")).isEqualTo(9);
    String cost = CostQuote.usd(expectedMicros(usage));
    assertThat(usage.getValue("cost_usd")).isInstanceOf(Number.class);
    assertThat(response.body().toString()).contains("\"cost_usd\":" + cost + "}"); // a plain decimal number
    assertThat(response.headers().get("x-gateway-cost-usd")).isNull();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void a_model_without_a_price_reports_no_cost(boolean stream) {
    ClientResponse response = Await.result(gateway.chat(chat("gpt-4.1", stream, stream), Map.of()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("x-gateway-cost-usd")).isNull();
    if (stream) {
      assertThat(ChatAssembler.ofEvents(response.events()).usage().containsKey("cost_usd")).isFalse();
    }
  }
}
