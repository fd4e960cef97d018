package com.mas.gateway.config;

import java.util.List;
import java.util.Objects;

/**
 * A tenant and the SHA-256 hashes (lowercase hex) of its API keys. Plain keys never stay in
 * memory past loading.
 */
public record TenantConfig(String id, List<String> keySha256) {

  public TenantConfig {
    Objects.requireNonNull(id, "id");
    keySha256 = List.copyOf(keySha256);
  }
}
