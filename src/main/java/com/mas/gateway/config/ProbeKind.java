package com.mas.gateway.config;

import java.util.Locale;

/** How an open circuit breaker checks its provider at trial time, without client traffic. */
public enum ProbeKind {
  /** Lists the provider's models: free, and proves the host answers and accepts the key. */
  MODELS,
  /** A one-token completion on the breaker's own model: costs a token, proves the model serves. */
  COMPLETION,
  /** No probe: the first client request after the backoff is the trial. */
  NONE;

  /** The kind named in config ({@code models}, {@code completion}, {@code none}), or null when unknown. */
  public static ProbeKind parse(String name) {
    for (ProbeKind kind : values()) {
      if (kind.name().equalsIgnoreCase(name.trim())) {
        return kind;
      }
    }
    return null;
  }

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
