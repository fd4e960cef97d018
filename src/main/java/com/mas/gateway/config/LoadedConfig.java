package com.mas.gateway.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of loading configuration.
 *
 * @param config the validated configuration
 * @param generatedTenantKey the plain key generated for tenant {@code default} when no {@code
 *     GATEWAY_API_KEY} and no tenants were configured; the caller prints it once at startup, since
 *     only its hash is kept in {@code config}
 * @param warnings things the operator should know but that do not stop startup (disabled providers,
 *     skipped models, ignored variables)
 */
public record LoadedConfig(
    GatewayConfig config, Optional<String> generatedTenantKey, List<String> warnings) {

  public LoadedConfig {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(generatedTenantKey, "generatedTenantKey");
    warnings = List.copyOf(warnings);
  }

  /** True when at least one provider is enabled; zero-config without one switches to demo mode. */
  public boolean hasProviders() {
    return !config.providers().isEmpty();
  }

  /** Masks the generated key so that logging this record never leaks it. */
  @Override
  public String toString() {
    return "LoadedConfig[config="
        + config
        + ", generatedTenantKey="
        + generatedTenantKey.map(key -> "****").orElse("none")
        + ", warnings="
        + warnings
        + "]";
  }
}
