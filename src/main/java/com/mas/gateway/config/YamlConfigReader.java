package com.mas.gateway.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an interpolated YAML tree onto {@link GatewayConfig}, section by section. Every section is
 * optional; unknown keys are errors so that typos do not pass silently.
 */
final class YamlConfigReader {

  private YamlConfigReader() {}

  static LoadedConfig read(ConfigNode root, Map<String, String> env) {
    root.mapping("server", "providers", "models", "tenants", "redis", "pricing", "routing");
    List<String> warnings = new ArrayList<>();
    ServerConfig server = server(root.get("server"));
    ProviderSection.Providers providers = ProviderSection.read(root.get("providers"), warnings);
    List<ModelConfig> models = models(root.get("models"), providers, warnings);
    TenantSection.Tenants tenants = TenantSection.read(root.get("tenants"), env);
    RedisConfig redis = RedisSection.read(root.get("redis"), env);
    PricingConfig pricing = PricingSection.read(root.get("pricing"));
    RoutingConfig routing = RoutingSection.read(root.get("routing"), providers, models, warnings);
    GatewayConfig config = new GatewayConfig(
        server, providers.enabled(), models, tenants.tenants(), false, redis, pricing, routing);
    return new LoadedConfig(config, tenants.generatedKey(), warnings);
  }

  private static ServerConfig server(ConfigNode node) {
    node.mapping("host", "port", "managementPort", "maxBodySize", "maxEventSize", "shutdownGrace",
        "reloadInterval");
    ServerConfig defaults = ServerConfig.DEFAULT;
    int port = node.get("port").port(defaults.port());
    ConfigNode managementNode = node.get("managementPort");
    int managementPort = managementNode.port(defaults.managementPort());
    if (port != 0 && port == managementPort) {
      throw managementNode.error("must differ from server.port, both are " + port);
    }
    return new ServerConfig(
        host(node.get("host"), defaults.host()),
        port,
        managementPort,
        node.get("maxBodySize").positiveBytes(defaults.maxBodyBytes(), Long.MAX_VALUE),
        (int) node.get("maxEventSize").positiveBytes(defaults.maxEventBytes(), Integer.MAX_VALUE),
        node.get("shutdownGrace").duration(defaults.shutdownGrace()),
        node.get("reloadInterval").positiveDuration(defaults.reloadInterval()));
  }

  private static String host(ConfigNode node, String fallback) {
    return node.isPresent() ? node.nonBlankText() : fallback;
  }

  /**
   * Model entries must name a configured provider; an entry that names a provider disabled for lack
   * of a key is skipped with a warning, like its provider.
   */
  private static List<ModelConfig> models(
      ConfigNode section, ProviderSection.Providers providers, List<String> warnings) {
    Map<String, String> pathByName = new LinkedHashMap<>();
    List<ModelConfig> models = new ArrayList<>();
    for (ConfigNode node : section.elements()) {
      ModelConfig model = model(node, pathByName);
      if (providers.enabled().containsKey(model.provider())) {
        models.add(model);
      } else if (providers.disabled().contains(model.provider())) {
        String provider = Scalars.quote(model.provider());
        String name = Scalars.quote(model.name());
        warnings.add(
            node.path() + ": model " + name + " skipped, provider " + provider + " is disabled");
      } else {
        throw node.get("provider").error(unknownProvider(model.provider(), providers));
      }
    }
    return models;
  }

  private static ModelConfig model(ConfigNode node, Map<String, String> pathByName) {
    node.mapping("name", "provider", "upstreamModel");
    ConfigNode nameNode = node.get("name");
    String name = nameNode.nonBlankText();
    String earlier = pathByName.putIfAbsent(name, node.path());
    if (earlier != null) {
      throw nameNode.error(
          "duplicate model name " + Scalars.quote(name) + ", already defined at " + earlier);
    }
    String upstreamModel = node.get("upstreamModel").optionalText().orElse(null);
    return new ModelConfig(name, node.get("provider").nonBlankText(), upstreamModel);
  }

  static String unknownProvider(String provider, ProviderSection.Providers providers) {
    List<String> names = new ArrayList<>(providers.enabled().keySet());
    names.addAll(providers.disabled());
    String known =
        names.isEmpty() ? "no providers are configured" : "configured: " + String.join(", ", names);
    return "unknown provider " + Scalars.quote(provider) + "; " + known;
  }
}
