package com.mas.gateway.testkit;

import com.mas.gateway.config.RouteConfig;
import com.mas.gateway.config.RouteStrategy;
import com.mas.gateway.config.RouteTarget;
import com.mas.gateway.config.RoutingConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routing for failover tests: one alias per plan, named by the plan itself, so a test asks for
 * the plan it wants as its model. A plan is written {@code provider/model, provider/model;
 * continuation=false; deadline-ms=500; max-attempts=2}: the targets in the order to try (the
 * priority strategy keeps it), then options that default to continuation on, a 10 s deadline
 * and one attempt per target.
 *
 * <p>Faults are picked per target through the simulator's fault model names
 * ({@code sim-status-529}, {@code sim-cut-5}, ...), so a fault strikes the attempt at that
 * target only and the next one answers normally. The answer's text depends on the conversation
 * (or {@code x-sim-seed}), not on the model, so every target gives the same answer.
 */
public final class TestPlans {

  private TestPlans() {}

  /** Aliases for {@code plans}, each named by its plan. */
  public static RoutingConfig routing(Collection<String> plans) {
    Map<String, RouteConfig> aliases = new LinkedHashMap<>();
    plans.forEach(plan -> aliases.put(plan, route(plan)));
    return new RoutingConfig(aliases, List.of(), RoutingConfig.DEFAULT_SMALL_TIER, RoutingConfig.DEFAULT_MEDIUM_TIER);
  }

  static RouteConfig route(String plan) {
    String[] parts = plan.split(";");
    List<RouteTarget> targets = new ArrayList<>();
    for (String target : parts[0].split(",")) {
      String trimmed = target.trim();
      int slash = trimmed.indexOf('/');
      targets.add(new RouteTarget(trimmed.substring(0, slash), trimmed.substring(slash + 1), 0));
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
    return new RouteConfig(plan, targets, RouteStrategy.PRIORITY, continuation, maxAttempts, deadline);
  }
}
