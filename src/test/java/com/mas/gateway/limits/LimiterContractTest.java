package com.mas.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.limits.Decision.Dimension;
import com.mas.gateway.limits.LimitRequest.Scope;
import com.mas.gateway.state.SharedState;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.RedisSupport;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same behaviour from both limiters: Redis (shared by instances) and in memory (one
 * instance, the embedded default). The window is shortened to two seconds so that sliding can
 * be observed.
 */
class LimiterContractTest {

  private static final LimitSettings SETTINGS = new LimitSettings(Duration.ofSeconds(2), Duration.ofSeconds(30),
      Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(1));

  private final Vertx vertx = Vertx.vertx();
  private final SharedState state = SharedState.create(vertx,
      new RedisConfig(RedisSupport.url(), RedisSupport.uniquePrefix(), true, true));
  private RateLimiter limiter;

  static Stream<String> backends() {
    return Stream.of("redis", "memory");
  }

  private RateLimiter limiter(String backend) {
    limiter = backend.equals("redis") ? new RedisRateLimiter(vertx, state, SETTINGS) : new LocalRateLimiter(SETTINGS);
    return limiter;
  }

  @AfterEach
  void close() {
    if (limiter != null) {
      Await.result(limiter.close());
    }
    Await.result(state.close());
    Await.result(vertx.close());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void admits_up_to_the_limit_in_any_window_and_again_once_the_oldest_left(String backend) {
    RateLimiter limiter = limiter(backend);
    LimitRequest request = request(tenant(new LimitConfig(3, 0, 0)), 0);

    List<Decision> first = Stream.generate(() -> acquire(limiter, request)).limit(4).toList();

    assertThat(first).extracting(Decision::admitted).containsExactly(true, true, true, false);
    assertThat(first.get(0).requests()).returns(3L, Decision.Quota::limit).returns(2L, Decision.Quota::remaining);
    assertThat(first.get(2).requests().remaining()).isZero();
    assertThat(first.get(0).tokens()).isNull();
    Decision.Rejection rejection = first.get(3).rejection();
    assertThat(rejection.dimension()).isEqualTo(Dimension.REQUESTS);
    assertThat(rejection.limit()).isEqualTo(3);
    assertThat(rejection.retryAfterMicros()).isBetween(1L, 2_000_000L);
    await().atMost(Duration.ofSeconds(4)).until(() -> acquire(limiter, request).admitted());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void counts_nothing_in_any_scope_when_one_scope_is_full(String backend) {
    RateLimiter limiter = limiter(backend);
    Scope tenant = tenant(new LimitConfig(3, 0, 0));
    Scope agent = new Scope("acme", "sales", new LimitConfig(1, 0, 0));

    assertThat(acquire(limiter, new LimitRequest(List.of(tenant, agent), 0)).admitted()).isTrue();
    Decision refused = acquire(limiter, new LimitRequest(List.of(tenant, agent), 0));

    assertThat(refused.rejection().scope()).isEqualTo(agent);
    Decision next = acquire(limiter, request(tenant, 0));
    assertThat(next.requests().remaining()).isEqualTo(1); // 2 counted, not 3
  }

  @ParameterizedTest
  @MethodSource("backends")
  void reports_the_tightest_scope_in_the_quotas(String backend) {
    RateLimiter limiter = limiter(backend);
    Scope tenant = tenant(new LimitConfig(10, 1000, 0));
    Scope agent = new Scope("acme", "sales", new LimitConfig(2, 5000, 0));

    Decision decision = acquire(limiter, new LimitRequest(List.of(tenant, agent), 100));

    assertThat(decision.requests()).returns(2L, Decision.Quota::limit).returns(1L, Decision.Quota::remaining);
    assertThat(decision.tokens()).returns(1000L, Decision.Quota::limit).returns(900L, Decision.Quota::remaining);
    assertThat(decision.tokens().resetMicros()).isBetween(1_900_000L, 2_000_000L);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void refunds_and_charges_the_difference_between_reserved_and_used_tokens(String backend) {
    RateLimiter limiter = limiter(backend);
    Scope tenant = tenant(new LimitConfig(0, 1000, 0));

    Decision first = acquire(limiter, request(tenant, 600));
    assertThat(first.tokens().remaining()).isEqualTo(400);
    assertThat(acquire(limiter, request(tenant, 600)).admitted()).isFalse();
    Await.result(first.permit().release(100)); // refund 500

    Decision second = acquire(limiter, request(tenant, 600));
    assertThat(second.tokens().remaining()).isEqualTo(300);
    Await.result(second.permit().release(900)); // charge 300 more: 100 + 900 counted

    Decision full = acquire(limiter, request(tenant, 1));
    assertThat(full.rejection().dimension()).isEqualTo(Dimension.TOKENS);
    assertThat(full.rejection().retryAfterMicros()).isBetween(1L, 2_000_000L);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void refuses_for_good_a_request_that_alone_exceeds_the_tokens_per_minute(String backend) {
    Decision decision = acquire(limiter(backend), request(tenant(new LimitConfig(0, 1000, 0)), 1001));

    assertThat(decision.rejection().neverFits()).isTrue();
    assertThat(decision.rejection().limit()).isEqualTo(1000);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void holds_a_lease_per_request_until_it_is_released(String backend) {
    RateLimiter limiter = limiter(backend);
    LimitRequest request = request(tenant(new LimitConfig(0, 0, 2)), 0);

    Decision first = acquire(limiter, request);
    Decision second = acquire(limiter, request);
    Decision third = acquire(limiter, request);

    assertThat(third.rejection().dimension()).isEqualTo(Dimension.STREAMS);
    assertThat(third.rejection().retryAfterMicros()).isEqualTo(1_000_000L);
    Await.result(first.permit().release(0));
    assertThat(acquire(limiter, request).admitted()).isTrue();
    assertThat(second.admitted()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void completes_on_the_context_that_asked(String backend) {
    RateLimiter limiter = limiter(backend);
    Context context = vertx.getOrCreateContext();
    Promise<Context> seen = Promise.promise();

    context.runOnContext(v -> limiter.acquire(request(tenant(new LimitConfig(5, 0, 0)), 0))
        .onComplete(done -> seen.complete(Vertx.currentContext())));

    assertThat(Await.result(seen.future())).isSameAs(context);
  }

  private static Scope tenant(LimitConfig limits) {
    return new Scope("acme", null, limits);
  }

  private static LimitRequest request(Scope scope, long tokens) {
    return new LimitRequest(List.of(scope), tokens);
  }

  private static Decision acquire(RateLimiter limiter, LimitRequest request) {
    return Await.result(limiter.acquire(request));
  }
}
