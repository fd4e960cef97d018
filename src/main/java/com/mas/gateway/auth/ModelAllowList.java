package com.mas.gateway.auth;

import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.routing.Target;

/**
 * Which models a tenant may use, from its {@code allowedModels}: an empty list allows every
 * model; otherwise an entry is a model name or alias, a {@code provider/model} id, or a prefix
 * ending in {@code *} ({@code "deepseek/*"}, {@code "mas-*"}, {@code "gpt-4o*"}). A request is
 * allowed when an entry matches the name the client sent or the {@code provider/model} it
 * resolved to: allowing {@code "openai/*"} allows {@code "gpt-4o"} and every alias bound to
 * OpenAI; allowing the alias {@code "mas-fast"} allows that alias, not other names for its
 * model. Names are matched exactly (case-sensitive), as providers match them.
 */
public final class ModelAllowList {

  private ModelAllowList() {}

  /** True when {@code tenant} may send {@code requested}, which resolves to {@code target}. */
  public static boolean allows(TenantConfig tenant, String requested, Target target) {
    if (tenant.allowedModels().isEmpty()) {
      return true;
    }
    String resolved = target.provider() + "/" + target.model();
    for (String entry : tenant.allowedModels()) {
      if (matches(entry, requested) || matches(entry, resolved)) {
        return true;
      }
    }
    return false;
  }

  static boolean matches(String entry, String name) {
    return entry.endsWith("*")
        ? name.startsWith(entry.substring(0, entry.length() - 1))
        : entry.equals(name);
  }
}
