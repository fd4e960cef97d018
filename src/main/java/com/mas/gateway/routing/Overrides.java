package com.mas.gateway.routing;

import java.util.Map;
import java.util.Set;

/**
 * An operator's emergency controls, the same on every instance: providers forced off or on, and
 * routes pinned to one target. Immutable.
 *
 * @param disabledProviders providers no request goes to
 * @param forcedProviders providers used even while their breakers are open
 * @param pins route name to the one target its requests go to
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
