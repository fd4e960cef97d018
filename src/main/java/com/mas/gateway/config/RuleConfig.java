package com.mas.gateway.config;

import java.util.Objects;

/**
 * One routing rule: requests that {@code match} go by {@code route}. A rule that names an alias
 * carries that alias's route under the alias's name.
 */
public record RuleConfig(RuleMatch match, RouteConfig route) {

  public RuleConfig {
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(route, "route");
  }
}
