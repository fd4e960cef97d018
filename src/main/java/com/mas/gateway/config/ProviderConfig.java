package com.mas.gateway.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One configured upstream provider.
 *
 * @param name unique name, used in {@code provider/model} addressing and in metrics
 * @param type wire protocol
 * @param baseUrl base URL as the official SDKs take it (OpenAI's includes {@code /v1})
 * @param apiKey credential sent upstream; never logged, never echoed
 * @param timeouts connect, first-byte and idle timeouts
 * @param pool connection pool settings
 * @param requestUsage ask streaming upstreams for usage ({@code stream_options.include_usage})
 *     even when the client did not; the extra chunk is removed before the client sees it
 * @param models upstream model ids this provider serves, listed by {@code GET /v1/models}
 * @param headers extra request headers sent upstream (e.g. {@code OpenAI-Organization})
 * @param forwardHeaders client request headers passed on upstream: lowercase names, or prefixes
 *     ending in {@code *} (e.g. {@code x-sim-*} for the simulator's controls). Authorization and
 *     hop-by-hop headers are never forwarded, whatever this says.
 * @param capabilities what each listed model can do, by upstream model id, where declared
 */
public record ProviderConfig(
    String name,
    ProviderType type,
    String baseUrl,
    Secret apiKey,
    TimeoutConfig timeouts,
    PoolConfig pool,
    boolean requestUsage,
    List<String> models,
    Map<String, String> headers,
    List<String> forwardHeaders,
    Map<String, ModelCapabilities> capabilities) {

  /** A provider without declared model capabilities. */
  public ProviderConfig(String name, ProviderType type, String baseUrl, Secret apiKey, TimeoutConfig timeouts,
      PoolConfig pool, boolean requestUsage, List<String> models, Map<String, String> headers,
      List<String> forwardHeaders) {
    this(name, type, baseUrl, apiKey, timeouts, pool, requestUsage, models, headers, forwardHeaders, Map.of());
  }

  public ProviderConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(baseUrl, "baseUrl");
    apiKey = apiKey == null ? new Secret("") : apiKey;
    timeouts = timeouts == null ? TimeoutConfig.DEFAULT : timeouts;
    pool = pool == null ? PoolConfig.DEFAULT : pool;
    models = models == null ? List.of() : List.copyOf(models);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    forwardHeaders = forwardHeaders == null ? List.of()
        : forwardHeaders.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList();
    capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
  }

  /** What {@code upstreamModel} can do; {@link ModelCapabilities#UNDECLARED} when config is silent. */
  public ModelCapabilities capabilitiesOf(String upstreamModel) {
    return capabilities.getOrDefault(upstreamModel, ModelCapabilities.UNDECLARED);
  }

  /** This provider with other forwarded client headers. */
  public ProviderConfig withForwardHeaders(List<String> rules) {
    return new ProviderConfig(
        name, type, baseUrl, apiKey, timeouts, pool, requestUsage, models, headers, rules, capabilities);
  }

  /** True when the client header {@code name} (lowercase) is to be passed on upstream. */
  public boolean forwards(String name) {
    for (String rule : forwardHeaders) {
      boolean prefix = rule.endsWith("*");
      // regionMatches, not a substring: this runs for every client header of every request
      if (prefix ? name.regionMatches(0, rule, 0, rule.length() - 1) : name.equals(rule)) {
        return !NEVER_FORWARDED.contains(name);
      }
    }
    return false;
  }

  private static final java.util.Set<String> NEVER_FORWARDED = java.util.Set.of("authorization", "x-api-key",
      "host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer",
      "proxy-authorization", "cookie", "x-goog-api-key", "api-key");

  @Override
  public String toString() {
    return "ProviderConfig[name=" + name + ", type=" + type + ", baseUrl=" + baseUrl + ", apiKey=" + apiKey
        + ", timeouts=" + timeouts + ", pool=" + pool + ", requestUsage=" + requestUsage + ", models=" + models
        + ", headers=" + headers.keySet() + ", forwardHeaders=" + forwardHeaders + "]";
  }
}
