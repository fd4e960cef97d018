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
 * @param redis where shared counters live (in memory when not configured)
 * @param pricing the price table and budget time zone
 * @param routing model aliases and routing rules
 */
public record GatewayConfig(
    ServerConfig server,
    Map<String, ProviderConfig> providers,
    List<ModelConfig> models,
    List<TenantConfig> tenants,
    boolean demo,
    RedisConfig redis,
    PricingConfig pricing,
    RoutingConfig routing) {

  /** No aliases or rules: every model resolves through the model catalog. */
  public GatewayConfig(ServerConfig server, Map<String, ProviderConfig> providers, List<ModelConfig> models,
      List<TenantConfig> tenants, boolean demo, RedisConfig redis, PricingConfig pricing) {
    this(server, providers, models, tenants, demo, redis, pricing, RoutingConfig.NONE);
  }

  /** In-memory state and no prices. */
  public GatewayConfig(ServerConfig server, Map<String, ProviderConfig> providers, List<ModelConfig> models,
      List<TenantConfig> tenants, boolean demo) {
    this(server, providers, models, tenants, demo, RedisConfig.IN_MEMORY, PricingConfig.NONE);
  }

  public GatewayConfig {
    redis = redis == null ? RedisConfig.IN_MEMORY : redis;
    pricing = pricing == null ? PricingConfig.NONE : pricing;
    routing = routing == null ? RoutingConfig.NONE : routing;
    providers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(providers));
    models = List.copyOf(models);
    tenants = List.copyOf(tenants);
  }

  /** This configuration with other routing. */
  public GatewayConfig withRouting(RoutingConfig other) {
    return new GatewayConfig(server, providers, models, tenants, demo, redis, pricing, other);
  }

  /** This configuration with another server section. */
  public GatewayConfig withServer(ServerConfig other) {
    return new GatewayConfig(other, providers, models, tenants, demo, redis, pricing, routing);
  }
}
