package com.mas.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.Gateway;
import com.mas.gateway.config.AdminKey;
import com.mas.gateway.config.BreakerConfig;
import com.mas.gateway.config.ProbeKind;
import com.mas.gateway.routing.Target;
import com.mas.gateway.state.RedisOutage;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.Fleet;
import com.mas.gateway.testkit.RedisProxy;
import com.mas.gateway.testkit.RedisSupport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Breakers shared through Redis by gateway instances that each have their own Vert.x and Redis
 * connections: an opening on one is followed by the others within a second, a new instance starts
 * with the current state, a trial's success on one closes them all, and while Redis is away each
 * instance's breakers keep working alone and share what they missed once it is back.
 */
class SharedBreakersTest {

  private static final Target SIM = new Target("openai", "sim-gpt");
  private static final String DOWN = "status=503";
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);
  private static final BreakerConfig CONFIG = new BreakerConfig(true, 2, 1.0, 1000, Duration.ofSeconds(30),
      Duration.ofSeconds(3), 2.0, Duration.ofMinutes(1), ProbeKind.NONE);

  private final Fleet fleet = new Fleet(CONFIG, AdminKey.NONE, RedisSupport.url(), RedisSupport.uniquePrefix());

  @AfterEach
  void close() {
    fleet.close();
  }

  @Test
  void an_opening_reaches_every_instance_and_a_new_one_and_a_successful_trial_closes_them_all() {
    CircuitBreakers a = fleet.start().controls().breakers();
    CircuitBreakers b = fleet.start().controls().breakers();

    Await.failure(fleet.attempt(a, SIM, DOWN));
    Await.failure(fleet.attempt(a, SIM, DOWN));
    BreakerView opened = a.view(SIM);
    assertThat(opened.state()).isEqualTo(BreakerView.OPEN);
    await().atMost(ONE_SECOND).pollInterval(Duration.ofMillis(10)).until(() -> b.view(SIM).equals(opened));
    assertThat(b.available(SIM)).isFalse();
    assertThat(Await.failure(fleet.answer(b, SIM))).hasMessageContaining("circuit breaker is open");

    CircuitBreakers c = fleet.start().controls().breakers();
    assertThat(c.view(SIM)).isEqualTo(opened);

    await().atMost(Duration.ofSeconds(5)).until(() -> BreakerView.HALF_OPEN.equals(a.view(SIM).state()));
    assertThat(b.view(SIM).state()).isNotEqualTo(BreakerView.CLOSED);
    Await.result(fleet.answer(a, SIM));
    await().atMost(ONE_SECOND).pollInterval(Duration.ofMillis(10))
        .until(() -> b.view(SIM).equals(BreakerView.closed(SIM)) && c.view(SIM).equals(BreakerView.closed(SIM)));
  }

  @Test
  void breakers_work_alone_while_redis_is_away_and_share_what_they_missed_when_it_is_back() {
    RedisProxy proxy = new RedisProxy(fleet.clientVertx, RedisSupport.url());
    try {
      Gateway cutOff = fleet.startVia(proxy.url());
      CircuitBreakers a = cutOff.controls().breakers();
      CircuitBreakers b = fleet.start().controls().breakers();

      proxy.cut();
      Await.failure(fleet.attempt(a, SIM, DOWN));
      Await.failure(fleet.attempt(a, SIM, DOWN));
      assertThat(a.view(SIM).state()).isEqualTo(BreakerView.OPEN);
      assertThat(Await.failure(fleet.answer(a, SIM))).hasMessageContaining("circuit breaker is open");
      await().atMost(Duration.ofSeconds(3)).until(() -> available(cutOff) == 0);
      assertThat(b.view(SIM).state()).isEqualTo(BreakerView.CLOSED);

      proxy.restore();
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
          .until(() -> b.view(SIM).equals(a.view(SIM)));
      assertThat(available(cutOff)).isEqualTo(1);
    } finally {
      proxy.close();
    }
  }

  private static double available(Gateway gateway) {
    return gateway.metrics().registry().get(RedisOutage.AVAILABLE).tag(RedisOutage.TAG_COMPONENT, "breakers")
        .gauge().value();
  }
}
