package com.mas.gateway.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the {@code redis} section, or the {@code REDIS_URL} variable without a file:
 *
 * <pre>
 * redis:
 *   url: ${REDIS_URL:-}        # redis://[user:password@]host:port[/db] or rediss://; empty = in memory
 *   keyPrefix: "mas:"          # before every key, so gateways (or environments) can share a Redis
 *   onFailure:                 # what happens while Redis is configured but does not answer
 *     limits: open             # open: per-instance limits (default); closed: 503
 *     budgets: open            # open: per-instance ledgers (default); closed: 503
 * </pre>
 *
 * Without the section, or without {@code url}, the URL is {@code REDIS_URL} when set. The URL
 * may hold a password, so no message ever repeats it.
 */
final class RedisSection {

  static final String URL_VARIABLE = "REDIS_URL";

  private static final Pattern URL = Pattern.compile("(redis|rediss|unix)://\\S+");
  private static final String URL_RULE =
      "expected a URL like redis://host:6379, rediss://user:password@host:6380/0 or unix:///path/redis.sock";

  private RedisSection() {}

  static RedisConfig read(ConfigNode node, Map<String, String> env) {
    node.mapping("url", "keyPrefix", "onFailure");
    ConfigNode urlNode = node.get("url");
    String url = urlNode.isPresent() ? urlNode.secretText() : env.getOrDefault(URL_VARIABLE, "");
    if (!url.isBlank() && !URL.matcher(url.trim()).matches()) {
      throw urlNode.isPresent() ? urlNode.error(URL_RULE) : new ConfigException(URL_VARIABLE, URL_RULE);
    }
    ConfigNode onFailure = node.get("onFailure").mapping("limits", "budgets");
    return new RedisConfig(url.isBlank() ? null : url.trim(), keyPrefix(node.get("keyPrefix")),
        failsOpen(onFailure.get("limits")), failsOpen(onFailure.get("budgets")));
  }

  /** Zero-config mode: {@code REDIS_URL}, with the default prefix and fail-open policies. */
  static RedisConfig fromEnvironment(Map<String, String> env) {
    String url = env.getOrDefault(URL_VARIABLE, "");
    if (url.isBlank()) {
      return RedisConfig.IN_MEMORY;
    }
    if (!URL.matcher(url.trim()).matches()) {
      throw new ConfigException(URL_VARIABLE, URL_RULE);
    }
    return new RedisConfig(url.trim(), null, true, true);
  }

  /** Braces would move the Redis Cluster hash tag off the tenant, so they are refused. */
  private static String keyPrefix(ConfigNode node) {
    if (!node.isPresent()) {
      return RedisConfig.IN_MEMORY.keyPrefix();
    }
    String prefix = node.nonBlankText();
    if (prefix.contains("{") || prefix.contains("}")) {
      throw node.error("must not contain { or }: keys are hash-tagged by tenant, got " + Scalars.quote(prefix));
    }
    return prefix;
  }

  private static boolean failsOpen(ConfigNode node) {
    if (!node.isPresent()) {
      return true;
    }
    return switch (node.text().trim().toLowerCase(Locale.ROOT)) {
      case "open" -> true;
      case "closed" -> false;
      default -> throw node.error("expected open or closed, got " + Scalars.quote(node.text()));
    };
  }
}
