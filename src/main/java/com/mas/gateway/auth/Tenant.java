package com.mas.gateway.auth;

import com.mas.gateway.config.TenantConfig;

/**
 * The caller, as established by its API key (never taken from a client-supplied header), with
 * the settings it is held to: allowed models, limits, budgets.
 */
public record Tenant(String id, TenantConfig config) {

  public Tenant(TenantConfig config) {
    this(config.id(), config);
  }
}
