package com.mas.gateway.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the {@code providers} section. A provider whose {@code apiKey} is present but empty
 * (typically <code>${OPENAI_API_KEY:-}</code> with the variable unset) and whose base URL is not a
 * loopback address is disabled with a warning instead of failing, so one file can serve
 * environments that have different providers.
 */
final class ProviderSection {

  /** The providers that will run, and the names of those disabled for lack of a key. */
  record Providers(Map<String, ProviderConfig> enabled, Set<String> disabled) {}

  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private ProviderSection() {}

  static Providers read(ConfigNode section, List<String> warnings) {
    Map<String, ProviderConfig> enabled = new LinkedHashMap<>();
    Set<String> disabled = new LinkedHashSet<>();
    for (Map.Entry<String, ConfigNode> entry : section.entries().entrySet()) {
      String name = entry.getKey();
      ConfigNode node = entry.getValue();
      if (!ConfigNode.isIdentifier(name)) {
        throw node.error("a provider name must be " + ConfigNode.IDENTIFIER_RULE);
      }
      ProviderConfig provider = provider(name, node);
      if (provider.apiKey().isEmpty() && !BaseUrl.isLoopback(provider.baseUrl())) {
        warnings.add(node.path() + ": disabled, its apiKey is empty");
        disabled.add(name);
      } else {
        enabled.put(name, provider);
      }
    }
    return new Providers(enabled, disabled);
  }

  private static ProviderConfig provider(String name, ConfigNode node) {
    node.mapping(
        "type", "baseUrl", "apiKey", "requestUsage", "models", "headers", "forwardHeaders", "timeouts", "pool");
    ProviderType type = type(node.get("type"));
    ConfigNode baseUrlNode = node.get("baseUrl");
    String baseUrl =
        BaseUrl.check(baseUrlNode.optionalText().orElse(type.defaultBaseUrl()), baseUrlNode.path());
    Map<String, ModelCapabilities> capabilities = ModelList.capabilities(node.get("models"));
    return new ProviderConfig(
        name,
        type,
        baseUrl,
        apiKey(node.get("apiKey"), baseUrl),
        timeouts(node.get("timeouts")),
        pool(node.get("pool")),
        node.get("requestUsage").bool(true),
        ModelList.names(node.get("models")),
        headers(node.get("headers")),
        forwardHeaders(node.get("forwardHeaders")),
        capabilities);
  }

  private static ProviderType type(ConfigNode node) {
    String allowed =
        Arrays.stream(ProviderType.values())
            .map(ProviderType::configName)
            .collect(Collectors.joining(", "));
    if (!node.isPresent()) {
      throw node.error("required; one of " + allowed);
    }
    ProviderType type = ProviderType.parse(node.text());
    if (type == null) {
      throw node.error(
          "unknown provider type " + Scalars.quote(node.text()) + "; expected one of " + allowed);
    }
    return type;
  }

  /** Absent is an error unless the upstream is on this machine (simulator, local model server). */
  private static Secret apiKey(ConfigNode node, String baseUrl) {
    if (node.isPresent()) {
      return new Secret(node.secretText());
    }
    if (BaseUrl.isLoopback(baseUrl)) {
      return new Secret("");
    }
    throw node.error(
        "required unless baseUrl is a loopback address;"
            + " write ${VAR:-} to disable the provider when VAR is unset");
  }

  private static TimeoutConfig timeouts(ConfigNode node) {
    node.mapping("connect", "firstByte", "idle");
    return new TimeoutConfig(
        node.get("connect").positiveDuration(null),
        node.get("firstByte").positiveDuration(null),
        node.get("idle").positiveDuration(null));
  }

  private static PoolConfig pool(ConfigNode node) {
    node.mapping("maxConnections", "keepAlive", "http2");
    PoolConfig defaults = PoolConfig.DEFAULT;
    return new PoolConfig(
        (int) node.get("maxConnections").integer(defaults.maxConnections(), 1, 65_536),
        node.get("keepAlive").duration(defaults.keepAlive()),
        node.get("http2").bool(defaults.http2()));
  }

  private static List<String> forwardHeaders(ConfigNode node) {
    return node.elements().stream()
        .map(element -> {
          String rule = element.nonBlankText();
          String name = rule.endsWith("*") ? rule.substring(0, rule.length() - 1) : rule;
          if (!HEADER_NAME.matcher(name).matches()) {
            throw element.error("not a header name or a prefix ending in '*'");
          }
          return rule;
        })
        .toList();
  }

  /** Values are not echoed in errors: a header may carry a credential. */
  private static Map<String, String> headers(ConfigNode node) {
    Map<String, String> headers = new LinkedHashMap<>();
    node.entries()
        .forEach(
            (name, value) -> {
              if (!HEADER_NAME.matcher(name).matches()) {
                throw value.error("not a valid HTTP header name (RFC 9110 section 5.1)");
              }
              String text = value.secretText();
              if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
                throw value.error("header value must not contain line breaks");
              }
              headers.put(name, text);
            });
    return headers;
  }
}
