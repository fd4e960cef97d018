package com.mas.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.limits.LimitRequest.Scope;
import com.mas.gateway.state.SharedState;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.RedisSupport;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Concurrency leases in Redis: they expire with a dead instance and live with a running stream. */
class LeaseExpiryTest {

  /** Leases live one second and are renewed every 300 ms. */
  private static final LimitSettings SHORT = new LimitSettings(Duration.ofMinutes(1), Duration.ofSeconds(1),
      Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(1));
  private static final LimitRequest ONE_STREAM =
      new LimitRequest(List.of(new Scope("acme", null, new LimitConfig(0, 0, 1))), 0);

  private final Vertx vertx = Vertx.vertx();
  private final SharedState state = SharedState.create(vertx,
      new RedisConfig(RedisSupport.url(), RedisSupport.uniquePrefix(), true, true));
  private final RedisRateLimiter survivor = new RedisRateLimiter(vertx, state, SHORT);

  @AfterEach
  void close() {
    Await.result(survivor.close());
    Await.result(state.close());
    Await.result(vertx.close());
  }

  @Test
  void frees_the_capacity_of_an_instance_that_vanished_once_its_lease_expires() {
    RedisRateLimiter crashed = new RedisRateLimiter(vertx, state, SHORT);
    assertThat(acquire(crashed).admitted()).isTrue();
    long heldAt = System.nanoTime();
    Await.result(crashed.close()); // dies: nothing renews the lease, nothing releases it

    assertThat(acquire(survivor).admitted()).isFalse();
    await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).until(() -> acquire(survivor).admitted());
    assertThat(Duration.ofNanos(System.nanoTime() - heldAt)).isGreaterThan(Duration.ofMillis(900));
  }

  @Test
  void renews_the_leases_of_running_streams_past_their_ttl_and_frees_them_on_release() {
    RedisRateLimiter live = new RedisRateLimiter(vertx, state, SHORT);
    try {
      Decision running = acquire(live);
      assertThat(live.leases().size()).isEqualTo(1);

      await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(100))
          .until(() -> !acquire(survivor).admitted());

      Await.result(running.permit().release(0));
      assertThat(live.leases().size()).isZero();
      assertThat(acquire(survivor).admitted()).isTrue();
    } finally {
      Await.result(live.close());
    }
  }

  private static Decision acquire(RateLimiter limiter) {
    return Await.result(limiter.acquire(ONE_STREAM));
  }
}
