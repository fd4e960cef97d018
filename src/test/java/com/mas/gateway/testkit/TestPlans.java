package com.mas.gateway.testkit;

import com.mas.gateway.api.PlanSource;
import com.mas.gateway.routing.RoutePlan;
import com.mas.gateway.routing.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Route plans for failover tests, given per request in the test-only header {@value #HEADER}:
 * {@code provider/model, provider/model; continuation=false; deadline-ms=500; max-attempts=2}
 * (targets in the order to try; the options default to continuation on, a 10 s deadline and
 * one attempt per target). A request without the header resolves its model as usual.
 *
 * <p>Faults are picked per target through the simulator's fault model names
 * ({@code sim-status-529}, {@code sim-cut-5}, ...), so a fault strikes the attempt at that
 * target only and the next one answers normally. The answer's text depends on the conversation
 * (or {@code x-sim-seed}), not on the model, so every target gives the same answer.
 */
public final class TestPlans {

  public static final String HEADER = "x-test-plan";

  private TestPlans() {}

  /** The plan in the request's {@value #HEADER} header. */
  public static PlanSource fromHeader() {
    return exchange -> {
      String spec = exchange.context().request().getHeader(HEADER);
      return spec == null ? null : parse(spec);
    };
  }

  static RoutePlan parse(String spec) {
    String[] parts = spec.split(";");
    List<Target> targets = new ArrayList<>();
    for (String target : parts[0].split(",")) {
      String trimmed = target.trim();
      int slash = trimmed.indexOf('/');
      targets.add(new Target(trimmed.substring(0, slash), trimmed.substring(slash + 1)));
    }
    boolean continuation = true;
    Duration deadline = Duration.ofSeconds(10);
    int maxAttempts = targets.size();
    for (int i = 1; i < parts.length; i++) {
      String[] option = parts[i].trim().split("=");
      switch (option[0]) {
        case "continuation" -> continuation = Boolean.parseBoolean(option[1]);
        case "deadline-ms" -> deadline = Duration.ofMillis(Long.parseLong(option[1]));
        case "max-attempts" -> maxAttempts = Integer.parseInt(option[1]);
        default -> throw new IllegalArgumentException("unknown plan option " + option[0]);
      }
    }
    return new RoutePlan("test", targets, continuation, maxAttempts, deadline);
  }
}
