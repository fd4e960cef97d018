package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileMappingTest {

  private static final String FULL =
      """
      server:
        host: 127.0.0.1
        port: 8100
        managementPort: 9100
        maxBodySize: 512KiB
        maxEventSize: 65536
        shutdownGrace: 2m
      providers:
        openai:
          type: openai
          baseUrl: https://api.openai.com/v1/
          apiKey: sk-live
          requestUsage: false
          models: [gpt-4o, gpt-4o-mini]
          headers: {OpenAI-Organization: org-123}
          timeouts: {connect: 500ms, firstByte: 30s, idle: 1h}
          pool: {maxConnections: 64, keepAlive: 0s, http2: false}
        deepseek:
          type: DeepSeek
          apiKey: ds-live
      models:
        - {name: mas-fast, provider: deepseek, upstreamModel: deepseek-chat}
        - {name: gpt-4o, provider: openai}
      tenants:
        - {id: sales, keys: [sales-key]}
      """;

  @TempDir Path dir;
  YamlFixture yaml;

  @BeforeEach
  void setUp() {
    yaml = new YamlFixture(dir);
  }

  @Test
  void maps_every_server_field_with_units() {
    ServerConfig server = yaml.load(FULL).config().server();

    assertThat(server)
        .isEqualTo(
            new ServerConfig("127.0.0.1", 8100, 9100, 512 * 1024, 65536, Duration.ofMinutes(2)));
  }

  @Test
  void maps_every_provider_field() {
    ProviderConfig openai = yaml.load(FULL).config().providers().get("openai");

    assertThat(openai.type()).isEqualTo(ProviderType.OPENAI);
    assertThat(openai.baseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(openai.apiKey().value()).isEqualTo("sk-live");
    assertThat(openai.requestUsage()).isFalse();
    assertThat(openai.models()).containsExactly("gpt-4o", "gpt-4o-mini");
    assertThat(openai.headers()).isEqualTo(Map.of("OpenAI-Organization", "org-123"));
    assertThat(openai.timeouts())
        .isEqualTo(
            new TimeoutConfig(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofHours(1)));
    assertThat(openai.pool()).isEqualTo(new PoolConfig(64, Duration.ZERO, false));
  }

  @Test
  void fills_provider_defaults_and_the_official_base_url_of_the_type() {
    ProviderConfig deepseek = yaml.load(FULL).config().providers().get("deepseek");

    assertThat(deepseek.type()).isEqualTo(ProviderType.DEEPSEEK);
    assertThat(deepseek.baseUrl()).isEqualTo("https://api.deepseek.com");
    assertThat(deepseek.requestUsage()).isTrue();
    assertThat(deepseek.timeouts()).isEqualTo(TimeoutConfig.DEFAULT);
    assertThat(deepseek.pool()).isEqualTo(PoolConfig.DEFAULT);
  }

  @Test
  void keeps_providers_and_models_in_declaration_order() {
    GatewayConfig config = yaml.load(FULL).config();

    assertThat(config.providers()).containsOnlyKeys("openai", "deepseek");
    assertThat(config.providers().keySet()).containsExactly("openai", "deepseek");
    assertThat(config.models())
        .containsExactly(
            new ModelConfig("mas-fast", "deepseek", "deepseek-chat"),
            new ModelConfig("gpt-4o", "openai", "gpt-4o"));
  }

  @Test
  void uses_server_defaults_when_the_section_is_absent() {
    LoadedConfig loaded = yaml.load(YamlFixture.OPENAI_PROVIDER);

    assertThat(loaded.config().server()).isEqualTo(ServerConfig.DEFAULT);
    assertThat(loaded.config().demo()).isFalse();
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void disables_provider_whose_key_resolves_to_empty_and_skips_its_models() {
    LoadedConfig loaded =
        yaml.load(
            YamlFixture.OPENAI_PROVIDER
                + """
                    deepseek: {type: deepseek, apiKey: "${DEEPSEEK_API_KEY:-}"}
                  models:
                    - {name: mas-fast, provider: deepseek}
                    - {name: mas-smart, provider: openai}
                  """);

    assertThat(loaded.config().providers()).containsOnlyKeys("openai");
    assertThat(loaded.config().models()).extracting(ModelConfig::name).containsExactly("mas-smart");
    assertThat(loaded.warnings())
        .containsExactly(
            "providers.deepseek: disabled, its apiKey is empty",
            "models[0]: model \"mas-fast\" skipped, provider \"deepseek\" is disabled");
  }

  @Test
  void enables_the_same_provider_when_its_key_is_set() {
    LoadedConfig loaded =
        yaml.load(
            "providers: {deepseek: {type: deepseek, apiKey: \"${DEEPSEEK_API_KEY:-}\"}}\n",
            Map.of("DEEPSEEK_API_KEY", "ds-1", "GATEWAY_API_KEY", "t"));

    assertThat(loaded.hasProviders()).isTrue();
    assertThat(loaded.config().providers().get("deepseek").apiKey().value()).isEqualTo("ds-1");
  }

  @Test
  void reports_no_providers_when_every_key_is_empty() {
    LoadedConfig loaded =
        yaml.load("providers: {openai: {type: openai, apiKey: \"${OPENAI_API_KEY:-}\"}}\n");

    assertThat(loaded.hasProviders()).isFalse();
  }

  @Test
  void allows_a_loopback_provider_without_key() {
    LoadedConfig loaded =
        yaml.load(
            """
            providers:
              local: {type: openai, baseUrl: "http://localhost:8000/v1"}
              sim: {type: openai, baseUrl: "http://127.0.0.2:8090/v1", apiKey: ""}
              v6: {type: deepseek, baseUrl: "http://[::1]:8090"}
            """);

    assertThat(loaded.config().providers()).containsOnlyKeys("local", "sim", "v6");
    assertThat(loaded.config().providers().get("local").apiKey().isEmpty()).isTrue();
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void does_not_treat_a_name_that_starts_like_loopback_as_loopback() {
    yaml.assertFails(
        "providers: {x: {type: openai, baseUrl: \"http://127.0.0.1.evil.example/v1\"}}\n",
        "providers.x.apiKey",
        "required unless baseUrl is a loopback address; write ${VAR:-} to disable the provider when"
            + " VAR is unset");
  }
}
