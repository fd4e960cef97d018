package com.mas.gateway.routing;

import static com.mas.gateway.routing.RoutingFixture.DEEPSEEK;
import static com.mas.gateway.routing.RoutingFixture.GEMINI;
import static com.mas.gateway.routing.RoutingFixture.MINI;
import static com.mas.gateway.routing.RoutingFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.api.GatewayException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Least-latency driven through {@link TargetScores} with recorded times to first event: each
 * decision's first target "answers" in the time the test says that target takes now, as the
 * dispatcher would report it.
 */
class LeastLatencyRoutingTest {

  @TempDir Path dir;
  RoutingFixture routing;
  final Map<Target, Long> millis = new HashMap<>(Map.of(MINI, 20L, DEEPSEEK, 20L, GEMINI, 20L));

  @BeforeEach
  void setUp() {
    routing = new RoutingFixture(dir, """
        routing:
          aliases:
            mas-fast:
              targets: [openai/gpt-4o-mini, deepseek/deepseek-chat, gemini/gemini-2.5-flash]
              strategy: least-latency
        """);
  }

  @Test
  void moves_away_from_a_slowed_target_and_back_after_it_recovers() {
    assertThat(serve(300)).as("equally fast: turns")
        .allSatisfy((target, count) -> assertThat(count).isBetween(80, 120));

    millis.put(DEEPSEEK, 400L);
    serve(20);
    Map<Target, Integer> slowed = serve(200);
    assertThat(slowed.getOrDefault(DEEPSEEK, 0)).as("exploration only")
        .isBetween(1, 200 / LeastLatencyStrategy.EXPLORE_EVERY);

    millis.put(DEEPSEEK, 20L);
    serve(300); // exploration measures it again
    assertThat(serve(300).getOrDefault(DEEPSEEK, 0)).as("back in turn").isBetween(80, 120);
  }

  @Test
  void errors_count_against_a_target() {
    serve(30);
    GatewayException overloaded = new GatewayException(503, "server_error", "upstream_overloaded", null, "busy");
    for (int i = 0; i < 5; i++) {
      routing.scores().failed(MINI, overloaded);
    }

    assertThat(serve(100).getOrDefault(MINI, 0)).isLessThanOrEqualTo(100 / LeastLatencyStrategy.EXPLORE_EVERY);
  }

  @Test
  void an_open_breakers_refusal_and_a_clients_mistake_are_not_errors() {
    routing.scores().failed(MINI, new GatewayException(503, "server_error", "circuit_open", null, "open"));
    routing.scores().failed(MINI, GatewayException.badRequest("messages", "bad"));

    TargetFigures figures = routing.scores().figures().stream().filter(f -> f.target().equals(MINI)).findFirst()
        .orElseThrow();
    assertThat(figures.errorRate()).isZero();
    assertThat(figures.attempts()).isEqualTo(1);
  }

  @Test
  void reports_moving_averages_per_target() {
    routing.scores().succeeded(GEMINI, TimeUnit.MILLISECONDS.toNanos(100));
    routing.scores().succeeded(GEMINI, TimeUnit.MILLISECONDS.toNanos(200));

    TargetFigures gemini = routing.router.figures().stream().filter(f -> f.target().equals(GEMINI)).findFirst()
        .orElseThrow();
    assertThat(gemini.ttftEwmaMillis())
        .isCloseTo(100 + TargetScore.LATENCY_ALPHA * 100, org.assertj.core.data.Offset.offset(0.01));
    assertThat(gemini.attempts()).isEqualTo(2);
    assertThat(routing.router.report().getJsonArray("targets")).hasSize(3);
  }

  /** {@code requests} decisions; each first target answers in its current time. */
  private Map<Target, Integer> serve(int requests) {
    Map<Target, Integer> counts = new HashMap<>();
    for (int i = 0; i < requests; i++) {
      Target first = routing.first(ask("mas-fast").request());
      counts.merge(first, 1, Integer::sum);
      routing.scores().succeeded(first, TimeUnit.MILLISECONDS.toNanos(millis.get(first)));
    }
    return counts;
  }
}
