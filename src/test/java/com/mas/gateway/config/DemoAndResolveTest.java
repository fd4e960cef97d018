package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAndResolveTest {

  private static final String FILE_PORT = "server: {port: 7001, managementPort: 7002}\n";

  @TempDir Path dir;

  private Path file(String name, String yaml) throws Exception {
    return Files.writeString(dir.resolve(name), yaml);
  }

  @Test
  void demo_points_both_providers_at_the_simulator() {
    GatewayConfig config = ConfigLoader.demo(18090, Map.of()).config();

    assertThat(config.demo()).isTrue();
    ProviderConfig openai = config.providers().get("openai");
    assertThat(openai.type()).isEqualTo(ProviderType.OPENAI);
    assertThat(openai.baseUrl()).isEqualTo("http://127.0.0.1:18090/v1");
    assertThat(openai.apiKey().value()).isEqualTo("demo");
    assertThat(openai.requestUsage()).isTrue();
    assertThat(openai.models()).containsExactly("sim-gpt", "sim-fast");
    ProviderConfig deepseek = config.providers().get("deepseek");
    assertThat(deepseek.type()).isEqualTo(ProviderType.DEEPSEEK);
    assertThat(deepseek.baseUrl()).isEqualTo("http://127.0.0.1:18090");
    assertThat(deepseek.models()).containsExactly("deepseek-chat");
  }

  @Test
  void demo_maps_its_model_names_to_the_simulated_openai_models() {
    GatewayConfig config = ConfigLoader.demo(18090, Map.of()).config();

    assertThat(config.models())
        .containsExactly(
            new ModelConfig("demo", "openai", "sim-gpt"),
            new ModelConfig("demo-fast", "openai", "sim-fast"),
            new ModelConfig("demo-claude", "anthropic", "sim-claude"),
            new ModelConfig("demo-gemini", "gemini", "sim-gemini"));
    assertThat(config.providers().get("anthropic").type()).isEqualTo(ProviderType.ANTHROPIC);
    assertThat(config.providers().get("anthropic").baseUrl()).isEqualTo("http://127.0.0.1:18090");
    assertThat(config.providers().get("gemini").type()).isEqualTo(ProviderType.GEMINI);
    assertThat(config.providers().get("gemini").forwards("x-sim-tokens")).isTrue();
  }

  @Test
  void demo_prices_every_simulated_model_so_answers_report_their_cost() {
    GatewayConfig demo = ConfigLoader.demo(18090, Map.of()).config();

    assertThat(demo.pricing().models())
        .containsOnlyKeys("sim-gpt", "sim-fast", "deepseek-chat", "sim-claude", "sim-gemini");
    assertThat(demo.pricing().models().get("sim-claude").base()).isEqualTo(new Prices(3_000_000, 15_000_000, 300_000, 3_750_000));
    assertThat(ConfigLoader.fromEnvironment(Map.of("OPENAI_API_KEY", "k")).config().pricing().models()).isEmpty();
  }

  @Test
  void demo_follows_the_tenant_key_rule() {
    LoadedConfig withKey = ConfigLoader.demo(18090, Map.of("GATEWAY_API_KEY", "k"));
    LoadedConfig without = ConfigLoader.demo(18090, Map.of());

    assertThat(withKey.generatedTenantKey()).isEmpty();
    assertThat(withKey.config().tenants().get(0).keySha256())
        .containsExactly(ApiKeyHash.sha256Hex("k"));
    assertThat(without.generatedTenantKey()).isPresent();
  }

  @Test
  void demo_rejects_an_invalid_simulator_port() {
    assertThatThrownBy(() -> ConfigLoader.demo(0, Map.of()))
        .hasMessage("simulatorPort: must be between 1 and 65535, got 0");
  }

  @Test
  void config_option_wins_over_the_variable() throws Exception {
    Path chosen = file("chosen.yaml", FILE_PORT);
    Path other = file("other.yaml", "server: {port: 7003, managementPort: 7004}\n");

    LoadedConfig loaded =
        ConfigLoader.resolve(
            new String[] {"--config", chosen.toString()},
            Map.of("GATEWAY_CONFIG", other.toString()));

    assertThat(loaded.config().server().port()).isEqualTo(7001);
  }

  @Test
  void accepts_the_config_option_with_an_equals_sign() throws Exception {
    Path chosen = file("chosen.yaml", FILE_PORT);

    LoadedConfig loaded =
        ConfigLoader.resolve(new String[] {"serve", "--config=" + chosen}, Map.of());

    assertThat(loaded.config().server().port()).isEqualTo(7001);
  }

  @Test
  void uses_the_gateway_config_variable_without_the_option() throws Exception {
    Path chosen = file("chosen.yaml", FILE_PORT);

    LoadedConfig loaded =
        ConfigLoader.resolve(new String[0], Map.of("GATEWAY_CONFIG", chosen.toString()));

    assertThat(loaded.config().server().port()).isEqualTo(7001);
  }

  @Test
  void falls_back_to_zero_config_without_option_or_variable() {
    LoadedConfig loaded = ConfigLoader.resolve(new String[0], Map.of("DEEPSEEK_API_KEY", "ds-1"));

    assertThat(loaded.config().providers()).containsOnlyKeys("deepseek");
  }

  @Test
  void names_the_missing_file_and_where_it_came_from() {
    Path missing = dir.resolve("missing.yaml");

    assertThatThrownBy(
            () -> ConfigLoader.resolve(new String[] {"--config", missing.toString()}, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("--config: config file not found: " + missing.toAbsolutePath());
    assertThatThrownBy(
            () -> ConfigLoader.resolve(new String[0], Map.of("GATEWAY_CONFIG", missing.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessage("GATEWAY_CONFIG: config file not found: " + missing.toAbsolutePath());
  }

  @Test
  void rejects_config_option_without_a_path() {
    assertThatThrownBy(() -> ConfigLoader.resolve(new String[] {"--config"}, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("--config: expected a file path, as in --config conf/gateway.yaml");
  }
}
