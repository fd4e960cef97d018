package com.mas.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.chat.TokenEstimator;
import com.mas.gateway.config.BudgetConfig;
import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.Prices;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.simulator.Outcome;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.RedisSupport;
import com.mas.gateway.testkit.StreamProbe;
import com.mas.gateway.testkit.TestConfigs;
import com.mas.gateway.testkit.TestPlans;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every attempt of a request is charged at its own target's prices, the answer reports their
 * total, and the budget reservation covers the dearest target the request may go to.
 */
class FailoverChargeTest {

  /** 3 micro-dollars per input token, 5 per output token. */
  private static final Prices DEAR = new Prices(3_000_000, 5_000_000, 1_500_000, 3_000_000);
  private static final String USER = "Which serum suits oily skin?";
  private static final String CONTINUED = "openai/sim-cut-5, anthropic/sim-dear";
  private static final String REFUSED_FIRST = "anthropic/sim-status-529, openai/sim-cheap";
  private static final String CHEAP_AND_DEAR = "openai/sim-cheap, anthropic/sim-dear";
  private static final String CHEAP_ONLY = "openai/sim-cheap";
  private static final String UNPRICED_FIRST = "openai/unpriced-model, openai/sim-cheap";

  private PricedGateway gateway;

  @AfterEach
  void close() {
    gateway.close();
  }

  private void start(long dailyBudgetMicros) {
    TenantConfig acme = new TenantConfig("acme", List.of(TestConfigs.sha256(TestConfigs.KEY)), List.of(), false,
        List.of(), LimitConfig.NONE, Map.of(), new BudgetConfig(dailyBudgetMicros, 0, null), Map.of());
    gateway = new PricedGateway(PricedGateway.tenants(acme), PricedGateway.pricing(Map.of(
        "sim-cut-5", PricedGateway.SIMPLE, "sim-cheap", PricedGateway.SIMPLE,
        "sim-dear", DEAR, "sim-status-529", DEAR)),
        new RedisConfig(RedisSupport.url(), RedisSupport.uniquePrefix(), true, true), TestPlans.routing(List.of(
            CONTINUED, REFUSED_FIRST, CHEAP_AND_DEAR, CHEAP_ONLY, UNPRICED_FIRST)));
  }

  private static String body(String plan, boolean stream) {
    return "{\"model\":\"" + plan + "\",\"stream\":" + stream + (stream ? ",\"stream_options\":{\"include_usage\":true}" : "")
        + ",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"" + USER + "\"}]}";
  }

  private static long estimate(String body) {
    return TokenEstimator.inputTokens(new JsonObject(body).mapTo(ObjectNode.class));
  }

  private ClientResponse chat(String body, Map<String, String> headers) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put("x-sim-seed", "5");
    return Await.result(gateway.chat(body, all));
  }

  private long spentWhenSettled() {
    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.usage().getLong("reserved_micros") == 0);
    return gateway.usage().getJsonObject("day").getLong("spent_micros");
  }

  @Test
  void a_continued_stream_is_charged_both_parts_each_at_its_own_price() {
    start(10_000_000);
    String body = body(CONTINUED, true);
    ClientResponse response = chat(body, Map.of("x-sim-tokens", "20"));
    JsonObject usage = ChatAssembler.ofEvents(response.events()).usage();
    long estimate = estimate(body);

    // The cut part: its input estimate and one output token per event sent (the role and 5 tokens).
    long cutPart = estimate + 2 * 6;
    long continuation = 3 * (usage.getLong("prompt_tokens") - estimate) + 5 * (usage.getLong("completion_tokens") - 6);
    long spent = spentWhenSettled();
    assertThat(usage.getLong("completion_tokens")).isEqualTo(6 + 15);
    assertThat(spent).isEqualTo(cutPart + continuation);
    assertThat(new BigDecimal(usage.getValue("cost_usd").toString())).isEqualByComparingTo(BigDecimal.valueOf(spent, 6));
  }

  @Test
  void a_target_that_refused_costs_nothing_and_the_answer_reports_the_cost_of_the_one_that_answered() {
    start(10_000_000);
    ClientResponse response = chat(body(REFUSED_FIRST, false), Map.of("x-sim-tokens", "9"));
    JsonObject usage = response.json().getJsonObject("usage");

    long spent = spentWhenSettled();
    assertThat(response.headers().get("x-gateway-attempts")).isEqualTo("2");
    assertThat(spent).isEqualTo(usage.getLong("prompt_tokens") + 2 * usage.getLong("completion_tokens"));
    assertThat(new BigDecimal(response.headers().get("x-gateway-cost-usd"))).isEqualByComparingTo(BigDecimal.valueOf(spent, 6));
  }

  @Test
  void the_reservation_covers_the_dearest_target_of_the_plan() {
    String body = body(CHEAP_AND_DEAR, false);
    long cheapWorstCase = PricedGateway.worstCase(body, 100);
    long dearWorstCase = 3 * estimate(body) + 5 * 100;
    start(cheapWorstCase + (dearWorstCase - cheapWorstCase) / 2);

    ClientResponse withDearFallback = chat(body, Map.of());
    ClientResponse cheapOnly = chat(body(CHEAP_ONLY, false), Map.of());

    assertThat(withDearFallback.status()).isEqualTo(429);
    assertThat(withDearFallback.error().getString("code")).isEqualTo("budget_exceeded");
    assertThat(cheapOnly.status()).isEqualTo(200);
  }

  @Test
  void a_fallback_without_a_price_is_left_out_of_a_budgeted_tenants_plan() {
    start(10_000_000);
    ClientResponse response = chat(body(UNPRICED_FIRST, false), Map.of());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("x-gateway-model")).isEqualTo("sim-cheap");
    assertThat(response.headers().get("x-gateway-attempts")).isEqualTo("1");
  }

  @Test
  void a_client_that_hangs_up_after_a_failover_stops_the_answer_and_pays_for_what_it_received() {
    start(10_000_000);
    String body = body(REFUSED_FIRST, true);
    String id = "gone-" + System.nanoTime();
    StreamProbe probe = new StreamProbe(gateway.gatewayVertx);
    int status = Await.result(probe.start(gateway.gateway.port(), body, Map.of(
        "x-sim-tokens", "300", "x-sim-tps", "20", "x-request-id", id)));
    assertThat(status).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).until(() -> probe.arrivals().size() >= 8);
    probe.hangUp();
    Await.result(probe.ended());
    int received = probe.arrivals().size();

    await().atMost(Duration.ofSeconds(5)).until(() -> gateway.simulator.observation(id).orElseThrow().outcome()
        == Outcome.CLIENT_CLOSED_EARLY);
    await().atMost(Duration.ofSeconds(5)).until(() -> gateway.gateway.metrics().activeStreams() == 0);
    long spent = spentWhenSettled();
    // The refusal costs nothing; the answer its input estimate and one output token per event sent.
    assertThat(spent).isBetween(estimate(body) + 2L * received, estimate(body) + 2L * (received + 2));
    Await.result(probe.close());
  }
}
