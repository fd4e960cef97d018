package com.mas.gateway.config;

import java.util.Objects;

/**
 * One target of a route: a configured provider and the model it is asked for.
 *
 * @param provider the configured provider's name
 * @param model the upstream model id
 * @param weight the share of a weighted route (any scale; 0 = no new traffic); 0 for other strategies
 */
public record RouteTarget(String provider, String model, int weight) {

  public RouteTarget {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    if (weight < 0) {
      throw new IllegalArgumentException("weight must not be negative");
    }
  }

  /** {@code provider/model}, as config and clients write it. */
  public String id() {
    return provider + "/" + model;
  }
}
