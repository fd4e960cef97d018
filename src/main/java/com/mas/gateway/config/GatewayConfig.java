package com.mas.gateway.config;

import java.util.List;
import java.util.Map;

/**
 * The whole gateway configuration: immutable, parsed and validated once at startup by {@link
 * ConfigLoader}.
 *
 * @param server ports, limits and shutdown grace
 * @param providers configured providers by name, in declaration order
 * @param models explicit model names and aliases
 * @param tenants tenants and their key hashes
 * @param demo true when the embedded simulator serves as the upstream
 */
public record GatewayConfig(
    ServerConfig server,
    Map<String, ProviderConfig> providers,
    List<ModelConfig> models,
    List<TenantConfig> tenants,
    boolean demo) {

  public GatewayConfig {
    providers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(providers));
    models = List.copyOf(models);
    tenants = List.copyOf(tenants);
  }
}
