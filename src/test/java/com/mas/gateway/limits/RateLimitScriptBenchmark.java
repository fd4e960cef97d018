package com.mas.gateway.limits;

import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.limits.LimitRequest.Scope;
import com.mas.gateway.state.SharedState;
import com.mas.gateway.testkit.RedisSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The latency of one rate-limit check against Redis (what the check adds to a request), beside a
 * bare PING through the same client as the floor of any Redis round trip. Samples every call
 * for percentiles. Needs the Redis of the tests ({@code REDIS_URL}, else 127.0.0.1:6379); keys
 * go under a fresh prefix and expire, nothing is flushed.
 *
 * <p>{@code admitTenant} and {@code admitTenantAndAgentType} are the one call on the request
 * path (requests and tokens per minute, one and two scopes); {@code admitAndReleaseWithLeases}
 * adds concurrency leases and the settlement after the response, two calls in all.
 *
 * <p>Calls run back to back, about ten times the 500 requests/s of the target, so the
 * window is shortened to 6 s: the logs then hold about as many members (30,000) as at 500
 * requests/s over the real minute.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class RateLimitScriptBenchmark {

  /** Requests and tokens per minute far above the load: every call is counted, none refused. */
  private static final LimitConfig HIGH = new LimitConfig(100_000_000, 100_000_000_000L, 0);
  private static final LimitConfig HIGH_WITH_STREAMS = new LimitConfig(100_000_000, 100_000_000_000L, 1_000_000);
  private static final LimitSettings SETTINGS = new LimitSettings(Duration.ofSeconds(6), Duration.ofSeconds(3),
      Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1));

  private Vertx vertx;
  private SharedState state;
  private RedisRateLimiter limiter;
  private LimitRequest tenantOnly;
  private LimitRequest tenantAndAgent;
  private LimitRequest withLeases;

  @Setup
  public void setUp() {
    vertx = Vertx.vertx();
    state = SharedState.create(vertx, new RedisConfig(RedisSupport.url(), "bench:" + System.nanoTime() + ":", true, true));
    limiter = new RedisRateLimiter(vertx, state, SETTINGS);
    await(limiter.warmUp());
    tenantOnly = new LimitRequest(List.of(new Scope("bench", null, HIGH)), 120);
    tenantAndAgent = new LimitRequest(List.of(new Scope("bench", null, HIGH), new Scope("bench", "agent", HIGH)), 120);
    withLeases = new LimitRequest(List.of(new Scope("leased", null, HIGH_WITH_STREAMS),
        new Scope("leased", "agent", HIGH_WITH_STREAMS)), 120);
  }

  @TearDown
  public void tearDown() {
    await(limiter.close());
    await(state.close());
    await(vertx.close());
  }

  @Benchmark
  public Object ping() {
    return await(state.redis().orElseThrow().send(Request.cmd(Command.PING)));
  }

  @Benchmark
  public Object admitTenant() {
    return await(limiter.acquire(tenantOnly));
  }

  @Benchmark
  public Object admitTenantAndAgentType() {
    return await(limiter.acquire(tenantAndAgent));
  }

  /**
   * A whole request's worth of Redis work with concurrency leases: the check before it and the
   * settlement after it (lease released, 120 reserved tokens settled to 100): two round trips.
   */
  @Benchmark
  public Object admitAndReleaseWithLeases() {
    return await(limiter.acquire(withLeases).compose(decision -> decision.permit().release(100)));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
