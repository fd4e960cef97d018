package com.mas.gateway.limits;

import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.TenantConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one request asks of a {@link RateLimiter}: the scopes it counts in (the tenant's own
 * limits first, then its agent type's when that type has limits of its own) and the tokens to
 * reserve. Immutable.
 *
 * @param scopes every scope the request counts in, checked and counted all at once; never empty
 * @param tokens tokens reserved up front: the estimated input plus the maximum output (0 when no
 *     scope limits tokens); settled with the real usage by {@link Decision.Permit#release(long)}
 */
public record LimitRequest(List<Scope> scopes, long tokens) {

  public LimitRequest {
    scopes = List.copyOf(scopes);
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("a limit request needs a scope");
    }
    if (tokens < 0) {
      throw new IllegalArgumentException("tokens must not be negative");
    }
  }

  /**
   * The scopes a request of {@code tenant} with {@code agentType} (null when it declared none)
   * counts in; empty when none of them has a limit, and the request is then not checked at all.
   * An agent type without limits of its own counts only in the tenant's scope.
   */
  public static List<Scope> scopes(TenantConfig tenant, String agentType) {
    List<Scope> scopes = new ArrayList<>(2);
    if (!tenant.limits().isEmpty()) {
      scopes.add(new Scope(tenant.id(), null, tenant.limits()));
    }
    LimitConfig agent = agentType == null ? null : agentLimits(tenant.agentLimits(), agentType);
    if (agent != null && !agent.isEmpty()) {
      scopes.add(new Scope(tenant.id(), agentType, agent));
    }
    return scopes;
  }

  /** Agent types are matched without regard to case (the header value arrives lowercased). */
  private static LimitConfig agentLimits(Map<String, LimitConfig> byType, String agentType) {
    LimitConfig exact = byType.get(agentType);
    if (exact != null) {
      return exact;
    }
    return byType.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(agentType))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  /** True when some scope limits tokens per minute, so tokens must be estimated and settled. */
  public static boolean countsTokens(List<Scope> scopes) {
    return scopes.stream().anyMatch(scope -> scope.limits().tokensPerMinute() > 0);
  }

  public String tenant() {
    return scopes.get(0).tenant();
  }

  /**
   * One set of limits a request counts against.
   *
   * @param tenant the tenant id; the hash tag of every key of the scope
   * @param agentType the agent type for an agent type's own limits, null for the tenant's
   * @param limits the limits of the scope
   */
  public record Scope(String tenant, String agentType, LimitConfig limits) {

    /** How messages name the scope: {@code tenant 'acme' (agent type 'sales')}. */
    public String label() {
      String label = "tenant '" + tenant + "'";
      return agentType == null ? label : label + " (agent type '" + agentType + "')";
    }

    /**
     * The key stem of the scope, hash-tagged by tenant so that every key of one request lands
     * in one Redis Cluster slot: {@code rl:{acme}} or {@code rl:{acme}:agent:sales}.
     */
    String keyStem() {
      String stem = "rl:{" + tenant + "}";
      return agentType == null ? stem : stem + ":agent:" + agentType;
    }
  }
}
