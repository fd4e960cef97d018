package com.mas.gateway.config;

/**
 * Where the shared counters live. Without a URL every counter is kept in memory, per instance
 * (the embedded default).
 *
 * @param url {@code redis://host:port[/db]} (or {@code rediss://}), or null for in-memory state
 * @param keyPrefix prepended to every key, so several gateways (or tests) can share one Redis
 * @param limitsFailOpen when Redis is down, rate limits fall back to per-instance counters
 *     (true, default) instead of refusing requests
 * @param budgetsFailOpen when Redis is down, budgets fall back to per-instance ledgers (true,
 *     default) instead of refusing requests that would spend money
 */
public record RedisConfig(String url, String keyPrefix, boolean limitsFailOpen, boolean budgetsFailOpen) {

  public static final RedisConfig IN_MEMORY = new RedisConfig(null, "mas:", true, true);

  public RedisConfig {
    keyPrefix = keyPrefix == null ? "mas:" : keyPrefix;
  }

  public boolean configured() {
    return url != null && !url.isBlank();
  }

  /** The URL without its password, for logs. */
  public String redactedUrl() {
    return url == null ? "(in memory)" : url.replaceAll("//[^@/]*@", "//****@");
  }
}
