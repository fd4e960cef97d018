package com.mas.gateway.routing;

import com.mas.gateway.chat.RequestNeeds;
import com.mas.gateway.config.ConfigLoader;
import com.mas.gateway.resilience.AttemptGuard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One routing decision (rule matching, then the route's filters and strategy) on the routing of
 * {@code conf/gateway.yaml}: six rules, four aliases, all four providers enabled. Samples every
 * call for percentiles; the target is 20 µs at p99.
 * <ul>
 *   <li>{@code agentRule}: the first rule matches (compliance review, priority);
 *   <li>{@code cheapestRule}: the fourth rule (sales): four targets priced at this moment;
 *   <li>{@code leastLatencyAlias}: every rule checked and missed, then mas-fast by least latency;
 *   <li>{@code catalogFallback}: no rule and no alias: the model catalog's single target.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class RoutingBenchmark {

  private RouterVerticle router;
  private RouteRequest compliance;
  private RouteRequest sales;
  private RouteRequest fast;
  private RouteRequest direct;

  @Setup
  public void setUp() {
    Map<String, String> keys = Map.of("OPENAI_API_KEY", "sk-1", "DEEPSEEK_API_KEY", "ds-1",
        "ANTHROPIC_API_KEY", "sk-ant-1", "GEMINI_API_KEY", "gm-1", "GATEWAY_API_KEY", "t");
    router = new RouterVerticle(ConfigLoader.load(Path.of("conf/gateway.yaml"), keys).config(), AttemptGuard.NONE,
        new SimpleMeterRegistry());
    for (Target target : router.routes().targets()) {
      router.feedback().succeeded(target, TimeUnit.MILLISECONDS.toNanos(200 + target.hashCode() % 50));
    }
    RequestNeeds needs = new RequestNeeds(false, true, false, 1024);
    compliance = new RouteRequest("gpt-4o", "compliance_review", "cosmetics-cs", "und", needs, 1_200, "user-42");
    sales = new RouteRequest("gpt-4o", "sales", "cosmetics-cs", "und", needs, 1_200, "user-42");
    fast = new RouteRequest("mas-fast", "concierge", "cosmetics-cs", "und", needs, 1_200, "user-42");
    direct = new RouteRequest("gpt-4o-mini", "concierge", "cosmetics-cs", "und", needs, 1_200, null);
  }

  @Benchmark
  public RoutePlan agentRule() {
    return router.routes().plan(compliance);
  }

  @Benchmark
  public RoutePlan cheapestRule() {
    return router.routes().plan(sales);
  }

  @Benchmark
  public RoutePlan leastLatencyAlias() {
    return router.routes().plan(fast);
  }

  @Benchmark
  public RoutePlan catalogFallback() {
    return router.routes().plan(direct);
  }
}
