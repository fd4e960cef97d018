package com.mas.gateway.config;

import static com.mas.gateway.config.ProviderType.ANTHROPIC;
import static com.mas.gateway.config.ProviderType.DEEPSEEK;
import static com.mas.gateway.config.ProviderType.GEMINI;
import static com.mas.gateway.config.ProviderType.OPENAI;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration without a file: zero-config mode from the providers' standard variables, and demo
 * mode against the built-in simulator. Both take the server from {@code GATEWAY_HOST}, {@code
 * GATEWAY_PORT} and {@code GATEWAY_MANAGEMENT_PORT}, tenant {@code default} from {@code
 * GATEWAY_API_KEY} (or a generated key), and shared state from {@code REDIS_URL} (in memory when
 * unset).
 */
final class EnvironmentConfig {

  private EnvironmentConfig() {}

  static LoadedConfig fromEnvironment(Map<String, String> env) {
    List<String> warnings = new ArrayList<>();
    Map<String, ProviderConfig> providers = new LinkedHashMap<>();
    for (ProviderType type : List.of(OPENAI, DEEPSEEK, ANTHROPIC, GEMINI)) {
      String prefix = type.name();
      standardProvider(env, type, prefix, warnings).ifPresent(p -> providers.put(p.name(), p));
    }
    return assemble(server(env), providers, List.of(), env, false, warnings);
  }

  /**
   * Demo prices in micro-dollars per million tokens (input, output, cached input, cache write),
   * shaped like the real models the simulated ones stand for, so the demo reports costs.
   */
  private static final PricingConfig DEMO_PRICES = new PricingConfig(Map.of(
      "sim-gpt", demoPrice(2_500_000, 10_000_000, 1_250_000, 2_500_000),
      "sim-fast", demoPrice(150_000, 600_000, 75_000, 150_000),
      "deepseek-chat", demoPrice(270_000, 1_100_000, 70_000, 270_000),
      "sim-claude", demoPrice(3_000_000, 15_000_000, 300_000, 3_750_000),
      "sim-gemini", demoPrice(300_000, 2_500_000, 75_000, 300_000)), java.time.ZoneId.of("UTC"));

  private static ModelPricing demoPrice(long input, long output, long cachedInput, long cacheWrite) {
    return new ModelPricing(new Prices(input, output, cachedInput, cacheWrite), List.of(), java.time.ZoneId.of("UTC"));
  }

  static LoadedConfig demo(int simulatorPort, Map<String, String> env) {
    Scalars.inRange(simulatorPort, "simulatorPort", 1, 65_535);
    String simulator = "http://127.0.0.1:" + simulatorPort;
    Map<String, ProviderConfig> providers = new LinkedHashMap<>();
    List<String> openaiModels = List.of("sim-gpt", "sim-fast");
    providers.put("openai", provider("openai", OPENAI, simulator + "/v1", "demo", openaiModels)
        .withForwardHeaders(List.of("x-sim-*")));
    providers.put(
        "deepseek", provider("deepseek", DEEPSEEK, simulator, "demo", List.of("deepseek-chat")));
    providers.put("anthropic", provider("anthropic", ANTHROPIC, simulator, "demo", List.of("sim-claude"))
        .withForwardHeaders(List.of("x-sim-*")));
    providers.put("gemini", provider("gemini", GEMINI, simulator, "demo", List.of("sim-gemini"))
        .withForwardHeaders(List.of("x-sim-*")));
    List<ModelConfig> models =
        List.of(
            new ModelConfig("demo", "openai", "sim-gpt"),
            new ModelConfig("demo-fast", "openai", "sim-fast"),
            new ModelConfig("demo-claude", "anthropic", "sim-claude"),
            new ModelConfig("demo-gemini", "gemini", "sim-gemini"));
    return assemble(server(env), providers, models, env, true, new ArrayList<>());
  }

  /** The server section from {@code GATEWAY_*} variables; a bad value names its variable. */
  static ServerConfig server(Map<String, String> env) {
    ServerConfig defaults = ServerConfig.DEFAULT;
    int port =
        value(env, "GATEWAY_PORT")
            .map(v -> Scalars.port(v, "GATEWAY_PORT"))
            .orElse(defaults.port());
    int managementPort =
        value(env, "GATEWAY_MANAGEMENT_PORT")
            .map(v -> Scalars.port(v, "GATEWAY_MANAGEMENT_PORT"))
            .orElse(defaults.managementPort());
    if (port != 0 && port == managementPort) {
      throw new ConfigException(
          "GATEWAY_MANAGEMENT_PORT", "must differ from GATEWAY_PORT, both are " + port);
    }
    String host = value(env, "GATEWAY_HOST").map(String::trim).orElse(defaults.host());
    return new ServerConfig(
        host,
        port,
        managementPort,
        defaults.maxBodyBytes(),
        defaults.maxEventBytes(),
        defaults.shutdownGrace());
  }

  /** {@code <PREFIX>_API_KEY} enables it; {@code <PREFIX>_BASE_URL} overrides the official URL. */
  private static Optional<ProviderConfig> standardProvider(
      Map<String, String> env, ProviderType type, String prefix, List<String> warnings) {
    String keyVariable = prefix + "_API_KEY";
    String urlVariable = prefix + "_BASE_URL";
    Optional<String> key = value(env, keyVariable);
    Optional<String> url = value(env, urlVariable);
    if (key.isEmpty()) {
      url.ifPresent(u -> warnings.add(urlVariable + ": ignored, " + keyVariable + " is not set"));
      return Optional.empty();
    }
    String baseUrl = BaseUrl.check(url.orElse(type.defaultBaseUrl()), urlVariable);
    return Optional.of(provider(type.configName(), type, baseUrl, key.get(), List.of()));
  }

  /** Default timeouts and pool; usage requested so that cost accounting sees real counts. */
  private static ProviderConfig provider(
      String name, ProviderType type, String baseUrl, String apiKey, List<String> models) {
    return new ProviderConfig(
        name, type, baseUrl, new Secret(apiKey), null, null, true, models, Map.of(), List.of());
  }

  private static LoadedConfig assemble(
      ServerConfig server,
      Map<String, ProviderConfig> providers,
      List<ModelConfig> models,
      Map<String, String> env,
      boolean demo,
      List<String> warnings) {
    TenantSection.Tenants tenants = TenantSection.fromEnvironment(env);
    GatewayConfig config = new GatewayConfig(
        server, providers, models, tenants.tenants(), demo, RedisSection.fromEnvironment(env),
        demo ? DEMO_PRICES : PricingConfig.NONE, demo ? DemoRoutes.routing() : RoutingConfig.NONE);
    return new LoadedConfig(config, tenants.generatedKey(), warnings);
  }

  /** A variable's value; unset and empty are the same, as in the providers' SDKs. */
  private static Optional<String> value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
