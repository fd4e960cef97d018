package com.mas.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.config.AdminKey;
import com.mas.gateway.config.BreakerConfig;
import com.mas.gateway.config.ProbeKind;
import com.mas.gateway.routing.Target;
import com.mas.gateway.simulator.SimulatorControls;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.Fleet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One instance's breakers (no Redis) around real calls to the simulator: they open on failures
 * in a row and on a failure ratio, fail fast while open, let one trial through after a backoff
 * that grows with each opening in a row, and close (resetting the backoff) when a trial succeeds.
 */
class CircuitBreakersTest {

  private static final Target SIM = new Target("openai", "sim-gpt");
  private static final String DOWN = "status=503";

  private final Fleet fleet = new Fleet(BreakerConfig.DEFAULT, AdminKey.NONE, null, null);

  @AfterEach
  void close() {
    fleet.close();
  }

  @Test
  void opens_after_failures_in_a_row_then_fails_fast_without_calling_the_provider() {
    CircuitBreakers breakers = breakers(3, 1.0, 1000, Duration.ofSeconds(30));
    fail(breakers, DOWN);
    fail(breakers, DOWN);
    assertThat(breakers.view(SIM).state()).isEqualTo(BreakerView.CLOSED);

    assertThat(fail(breakers, DOWN).code()).isEqualTo("upstream_overloaded");
    assertThat(breakers.view(SIM).state()).isEqualTo(BreakerView.OPEN);
    assertThat(breakers.available(SIM)).isFalse();

    int calls = fleet.simulator.observations().size();
    GatewayException open = fail(breakers, null);
    assertThat(open.status()).isEqualTo(503);
    assertThat(open.type()).isEqualTo("server_error");
    assertThat(open.code()).isEqualTo(Failures.CIRCUIT_OPEN);
    assertThat(open.getMessage()).contains("'openai'", "'sim-gpt'", "circuit breaker is open");
    assertThat(open.headers()).containsKey("retry-after");
    assertThat(fleet.simulator.observations()).hasSize(calls);
  }

  @Test
  void a_success_resets_the_count_and_failures_that_are_not_the_providers_do_not_count() {
    CircuitBreakers breakers = breakers(3, 1.0, 1000, Duration.ofSeconds(30));
    fail(breakers, DOWN);
    fail(breakers, DOWN);
    succeed(breakers);
    fail(breakers, DOWN);
    fail(breakers, DOWN);
    assertThat(fail(breakers, "status=429").status()).isEqualTo(429);
    assertThat(fail(breakers, "status=400").status()).isEqualTo(400);
    fail(breakers, DOWN);
    fail(breakers, DOWN);
    assertThat(breakers.view(SIM).state()).isEqualTo(BreakerView.CLOSED);

    fail(breakers, "reset");
    assertThat(breakers.view(SIM).state()).isEqualTo(BreakerView.OPEN);
  }

  @Test
  void opens_when_the_failure_ratio_is_reached_over_the_minimum_attempts() {
    CircuitBreakers breakers = breakers(100, 0.5, 10, Duration.ofSeconds(30));
    for (int i = 0; i < 4; i++) {
      succeed(breakers);
      fail(breakers, DOWN);
    }
    succeed(breakers);
    assertThat(breakers.view(SIM).state()).as("4 of 9 failed").isEqualTo(BreakerView.CLOSED);

    fail(breakers, DOWN);
    assertThat(breakers.view(SIM).state()).as("5 of 10 failed").isEqualTo(BreakerView.OPEN);
  }

  @Test
  void trials_after_a_backoff_that_grows_with_each_opening_and_resets_after_a_success() {
    CircuitBreakers breakers = breakers(2, 1.0, 1000, Duration.ofMillis(300));
    fail(breakers, DOWN);
    long[] opened = timed(() -> fleet.attempt(breakers, SIM, DOWN));
    assertOpen(breakers, 1, opened, 300);

    awaitTrial(breakers);
    long[] failedTrial = timed(() -> fleet.attempt(breakers, SIM, DOWN));
    assertOpen(breakers, 2, failedTrial, 600);
    assertThat(fail(breakers, null).code()).isEqualTo(Failures.CIRCUIT_OPEN);

    awaitTrial(breakers);
    succeed(breakers);
    assertThat(breakers.view(SIM)).isEqualTo(BreakerView.closed(SIM));

    fail(breakers, DOWN);
    long[] again = timed(() -> fleet.attempt(breakers, SIM, DOWN));
    assertOpen(breakers, 1, again, 300);
  }

  @Test
  void lets_exactly_one_trial_through_while_half_open() {
    CircuitBreakers breakers = breakers(1, 1.0, 1000, Duration.ofMillis(200));
    fail(breakers, DOWN);
    awaitTrial(breakers);

    Future<Void> slowTrial = fleet.attempt(breakers, SIM, Map.of(SimulatorControls.TIME_TO_FIRST_TOKEN_MS, "500"));
    assertThat(fail(breakers, null).code()).isEqualTo(Failures.CIRCUIT_OPEN);
    Await.result(slowTrial);
    assertThat(breakers.view(SIM).state()).isEqualTo(BreakerView.CLOSED);
    succeed(breakers);
  }

  private CircuitBreakers breakers(int inARow, double ratio, int minAttempts, Duration openBase) {
    BreakerConfig config = new BreakerConfig(true, inARow, ratio, minAttempts, Duration.ofSeconds(30), openBase, 2.0,
        Duration.ofMinutes(1), ProbeKind.NONE);
    return new CircuitBreakers(fleet.clientVertx, config, new SimpleMeterRegistry(), BreakerSharing.LOCAL);
  }

  private GatewayException fail(CircuitBreakers breakers, String fault) {
    return (GatewayException) Await.failure(fleet.attempt(breakers, SIM, fault));
  }

  private void succeed(CircuitBreakers breakers) {
    Await.result(fleet.answer(breakers, SIM));
  }

  /** The wall-clock bounds (ms) around a failing attempt: it opened the breaker in between. */
  private static long[] timed(java.util.function.Supplier<Future<Void>> attempt) {
    long before = System.currentTimeMillis();
    Await.failure(attempt.get());
    return new long[] {before, System.currentTimeMillis()};
  }

  /** Open for the {@code openings}-th time, its trial {@code openMillis} after it opened. */
  private static void assertOpen(CircuitBreakers breakers, int openings, long[] bounds, long openMillis) {
    BreakerView view = breakers.view(SIM);
    assertThat(view.state()).isEqualTo(BreakerView.OPEN);
    assertThat(view.openings()).isEqualTo(openings);
    assertThat(view.trialAtMillis()).isBetween(bounds[0] + openMillis, bounds[1] + openMillis);
  }

  private static void awaitTrial(CircuitBreakers breakers) {
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
        .until(() -> BreakerView.HALF_OPEN.equals(breakers.view(SIM).state()));
  }
}
