package com.mas.gateway.config;

import java.util.Objects;

/**
 * A credential read from configuration. {@link #toString()} never reveals it, so a secret can
 * sit in a record that is logged or rendered in an error without leaking.
 */
public record Secret(String value) {

  public Secret {
    Objects.requireNonNull(value, "value");
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return "****";
  }
}
