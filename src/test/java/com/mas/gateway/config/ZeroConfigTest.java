package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ZeroConfigTest {

  @Test
  void enables_only_openai_when_only_its_key_is_set() {
    LoadedConfig loaded = ConfigLoader.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1"));

    assertThat(loaded.hasProviders()).isTrue();
    assertThat(loaded.config().providers()).containsOnlyKeys("openai");
    ProviderConfig openai = loaded.config().providers().get("openai");
    assertThat(openai.type()).isEqualTo(ProviderType.OPENAI);
    assertThat(openai.baseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(openai.apiKey().value()).isEqualTo("sk-1");
  }

  @Test
  void enables_only_deepseek_at_its_official_base_without_v1() {
    LoadedConfig loaded = ConfigLoader.fromEnvironment(Map.of("DEEPSEEK_API_KEY", "ds-1"));

    assertThat(loaded.config().providers()).containsOnlyKeys("deepseek");
    ProviderConfig deepseek = loaded.config().providers().get("deepseek");
    assertThat(deepseek.type()).isEqualTo(ProviderType.DEEPSEEK);
    assertThat(deepseek.baseUrl()).isEqualTo("https://api.deepseek.com");
    assertThat(deepseek.apiKey().value()).isEqualTo("ds-1");
  }

  @Test
  void enables_both_when_both_keys_are_set() {
    LoadedConfig loaded =
        ConfigLoader.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1", "DEEPSEEK_API_KEY", "ds-1"));

    assertThat(loaded.config().providers().keySet()).containsExactly("openai", "deepseek");
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void has_no_providers_without_keys() {
    LoadedConfig loaded = ConfigLoader.fromEnvironment(Map.of());

    assertThat(loaded.hasProviders()).isFalse();
    assertThat(loaded.config().demo()).isFalse();
  }

  @Test
  void treats_an_empty_key_as_unset() {
    assertThat(ConfigLoader.fromEnvironment(Map.of("OPENAI_API_KEY", "")).hasProviders()).isFalse();
  }

  @Test
  void takes_base_url_overrides_the_way_the_sdks_do() {
    LoadedConfig loaded =
        ConfigLoader.fromEnvironment(
            Map.of(
                "OPENAI_API_KEY",
                "sk-1",
                "OPENAI_BASE_URL",
                "http://10.1.2.3:8000/v1/",
                "DEEPSEEK_API_KEY",
                "ds-1",
                "DEEPSEEK_BASE_URL",
                "https://proxy.example.com/deepseek"));

    assertThat(loaded.config().providers().get("openai").baseUrl())
        .isEqualTo("http://10.1.2.3:8000/v1");
    assertThat(loaded.config().providers().get("deepseek").baseUrl())
        .isEqualTo("https://proxy.example.com/deepseek");
  }

  @Test
  void rejects_invalid_base_url_naming_the_variable() {
    assertThatThrownBy(
            () ->
                ConfigLoader.fromEnvironment(
                    Map.of("OPENAI_API_KEY", "k", "OPENAI_BASE_URL", "localhost:8000")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "OPENAI_BASE_URL: expected an absolute http(s) URL like https://api.openai.com/v1,"
                + " got \"localhost:8000\"");
  }

  @Test
  void warns_about_a_base_url_without_its_key() {
    LoadedConfig loaded =
        ConfigLoader.fromEnvironment(Map.of("DEEPSEEK_BASE_URL", "https://api.deepseek.com"));

    assertThat(loaded.hasProviders()).isFalse();
    assertThat(loaded.warnings())
        .containsExactly("DEEPSEEK_BASE_URL: ignored, DEEPSEEK_API_KEY is not set");
  }

  @Test
  void anthropic_and_gemini_come_from_their_sdk_variables() {
    LoadedConfig loaded =
        ConfigLoader.fromEnvironment(
            Map.of(
                "ANTHROPIC_API_KEY", "a-key",
                "GEMINI_API_KEY", "g-key",
                "GEMINI_BASE_URL", "http://127.0.0.1:9999"));

    Map<String, ProviderConfig> providers = loaded.config().providers();
    assertThat(providers).containsOnlyKeys("anthropic", "gemini");
    assertThat(providers.get("anthropic").type()).isEqualTo(ProviderType.ANTHROPIC);
    assertThat(providers.get("anthropic").baseUrl()).isEqualTo("https://api.anthropic.com");
    assertThat(providers.get("anthropic").apiKey().value()).isEqualTo("a-key");
    assertThat(providers.get("gemini").type()).isEqualTo(ProviderType.GEMINI);
    assertThat(providers.get("gemini").baseUrl()).isEqualTo("http://127.0.0.1:9999");
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void uses_default_host_and_ports() {
    ServerConfig server = ConfigLoader.fromEnvironment(Map.of()).config().server();

    assertThat(server).isEqualTo(ServerConfig.DEFAULT);
  }

  @Test
  void takes_host_and_ports_from_the_environment() {
    ServerConfig server =
        ConfigLoader.fromEnvironment(
                Map.of(
                    "GATEWAY_HOST",
                    "127.0.0.1",
                    "GATEWAY_PORT",
                    "18080",
                    "GATEWAY_MANAGEMENT_PORT",
                    "0"))
            .config()
            .server();

    assertThat(server.host()).isEqualTo("127.0.0.1");
    assertThat(server.port()).isEqualTo(18080);
    assertThat(server.managementPort()).isZero();
  }

  @Test
  void rejects_non_numeric_port_naming_the_variable() {
    assertThatThrownBy(() -> ConfigLoader.fromEnvironment(Map.of("GATEWAY_PORT", "abc")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("GATEWAY_PORT: expected a number, got \"abc\"");
  }

  @Test
  void rejects_out_of_range_management_port_naming_the_variable() {
    assertThatThrownBy(
            () -> ConfigLoader.fromEnvironment(Map.of("GATEWAY_MANAGEMENT_PORT", "65536")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("GATEWAY_MANAGEMENT_PORT: must be between 0 and 65535, got 65536");
  }

  @Test
  void rejects_equal_ports_naming_the_management_variable() {
    assertThatThrownBy(() -> ConfigLoader.fromEnvironment(Map.of("GATEWAY_PORT", "9090")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("GATEWAY_MANAGEMENT_PORT: must differ from GATEWAY_PORT, both are 9090");
  }
}
