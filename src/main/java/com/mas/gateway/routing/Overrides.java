package com.mas.gateway.routing;

import java.util.Map;
import java.util.Set;

/**
 * What operators impose on routing, over whatever rules and scores say. Produced by the admin
 * API (shared across instances through Redis) and handed to {@link RouterVerticle#overrides}.
 *
 * @param disabledProviders providers that get no traffic at all (their targets are dropped from every plan)
 * @param forcedProviders providers treated as healthy even while their circuit breaker is open
 * @param pins by route name (an alias, a rule's name, or a model name resolved without a rule):
 *     the one target that route goes to
 */
public record Overrides(Set<String> disabledProviders, Set<String> forcedProviders, Map<String, Target> pins) {

  /** No overrides. */
  public static final Overrides NONE = new Overrides(Set.of(), Set.of(), Map.of());

  public Overrides {
    disabledProviders = Set.copyOf(disabledProviders);
    forcedProviders = Set.copyOf(forcedProviders);
    pins = Map.copyOf(pins);
  }
}
