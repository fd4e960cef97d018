package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The files in {@code conf/} load; surefire runs with the project directory as working directory.
 */
class ShippedConfigFilesTest {

  private static final Path GATEWAY_YAML = Path.of("conf/gateway.yaml");
  private static final Path DEMO_YAML = Path.of("conf/demo.yaml");

  @Test
  void production_example_loads_with_all_keys_set() {
    LoadedConfig loaded =
        ConfigLoader.load(
            GATEWAY_YAML,
            Map.of(
                "OPENAI_API_KEY",
                "sk-1",
                "DEEPSEEK_API_KEY",
                "ds-1",
                "ANTHROPIC_API_KEY",
                "sk-ant-1",
                "GEMINI_API_KEY",
                "gm-1",
                "GATEWAY_API_KEY",
                "tenant-1"));

    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.config().providers()).containsOnlyKeys("openai", "deepseek", "anthropic", "gemini");
    assertThat(loaded.config().providers().get("gemini").capabilitiesOf("gemini-2.0-flash").maxOutput())
        .isEqualTo(8192);
    assertThat(loaded.config().providers().get("openai").baseUrl())
        .isEqualTo("https://api.openai.com/v1");
    assertThat(loaded.config().models())
        .extracting(ModelConfig::name)
        .containsExactly("mas-smart");
    assertThat(loaded.config().routing().aliases())
        .containsOnlyKeys("mas-reasoning", "mas-fast", "mas-chinese", "mas-vision");
    assertThat(loaded.config().routing().rules()).extracting(rule -> rule.route().name()).containsExactly(
        "compliance-review", "sentiment-analysis", "product-expert", "sales", "mas-chinese", "long-context");
    assertThat(loaded.config().tenants().get(0).keySha256())
        .containsExactly(ApiKeyHash.sha256Hex("tenant-1"));
  }

  @Test
  void production_example_declares_tenants_with_models_limits_budgets_and_agents() {
    LoadedConfig loaded = ConfigLoader.load(GATEWAY_YAML,
        Map.of("OPENAI_API_KEY", "sk-1", "GATEWAY_API_KEY", "t", "COSMETICS_CS_KEY", "cs-1"));

    assertThat(loaded.config().tenants()).extracting(TenantConfig::id)
        .containsExactly("default", "cosmetics-cs", "marketing");
    TenantConfig cs = loaded.config().tenants().get(1);
    assertThat(cs.keySha256()).hasSize(2).contains(ApiKeyHash.sha256Hex("cs-1"));
    assertThat(cs.disabledKeySha256()).hasSize(1);
    assertThat(cs.allowedModels()).contains("mas-fast", "deepseek/*");
    assertThat(cs.limits()).isEqualTo(new LimitConfig(600, 400_000, 60));
    assertThat(cs.budgets()).isEqualTo(new BudgetConfig(50_000_000, 1_200_000_000, List.of(50, 80, 100)));
    assertThat(cs.agentLimits()).containsOnlyKeys("sales", "compliance-review");
    assertThat(cs.agentBudgets().get("compliance-review"))
        .isEqualTo(new BudgetConfig(5_000_000, 100_000_000, List.of(80, 100)));
    TenantConfig marketing = loaded.config().tenants().get(2);
    assertThat(marketing.budgets().monthlyMicros()).isEqualTo(100_500_000);
    assertThat(marketing.suspended()).isFalse();
    assertThat(loaded.config().server().reloadInterval()).isEqualTo(java.time.Duration.ofSeconds(5));
  }

  @Test
  void production_example_disables_deepseek_when_its_key_is_unset() {
    LoadedConfig loaded =
        ConfigLoader.load(GATEWAY_YAML, Map.of("OPENAI_API_KEY", "sk-1", "GATEWAY_API_KEY", "t"));

    assertThat(loaded.config().providers()).containsOnlyKeys("openai");
    assertThat(loaded.config().models()).extracting(ModelConfig::name).containsExactly("mas-smart");
    // deepseek, anthropic and gemini (their keys unset too), then the routing targets on them
    assertThat(loaded.warnings()).filteredOn(w -> w.startsWith("providers."))
        .containsExactly("providers.deepseek: disabled, its apiKey is empty",
            "providers.anthropic: disabled, its apiKey is empty", "providers.gemini: disabled, its apiKey is empty");
    assertThat(loaded.warnings()).contains(
        "routing.aliases.mas-fast.targets: deepseek/deepseek-chat, gemini/gemini-2.5-flash skipped, provider disabled");
    assertThat(loaded.config().routing().aliases().get("mas-fast").targets())
        .containsExactly(new RouteTarget("openai", "gpt-4o-mini", 0));
  }

  @Test
  void production_example_declares_the_anthropic_provider_and_its_models() {
    LoadedConfig loaded =
        ConfigLoader.load(
            GATEWAY_YAML,
            Map.of("OPENAI_API_KEY", "sk-1", "ANTHROPIC_API_KEY", "sk-ant-1", "GATEWAY_API_KEY", "t"));

    ProviderConfig anthropic = loaded.config().providers().get("anthropic");
    assertThat(anthropic.type()).isEqualTo(ProviderType.ANTHROPIC);
    assertThat(anthropic.baseUrl()).isEqualTo("https://api.anthropic.com");
    assertThat(anthropic.apiKey().value()).isEqualTo("sk-ant-1");
    assertThat(anthropic.capabilitiesOf("claude-sonnet-4-5"))
        .isEqualTo(new ModelCapabilities(true, true, true, 200_000, 64_000, 4096));
    assertThat(anthropic.models()).containsExactly("claude-sonnet-4-5", "claude-haiku-4-5");
    assertThat(loaded.warnings()).filteredOn(w -> w.startsWith("providers.")).hasSize(2); // deepseek, gemini
  }

  @Test
  void production_example_takes_ports_from_the_environment() {
    LoadedConfig loaded =
        ConfigLoader.load(
            GATEWAY_YAML,
            Map.of(
                "OPENAI_API_KEY",
                "sk-1",
                "GATEWAY_API_KEY",
                "t",
                "GATEWAY_PORT",
                "0",
                "GATEWAY_MANAGEMENT_PORT",
                "0"));

    assertThat(loaded.config().server().port()).isZero();
    assertThat(loaded.config().server().managementPort()).isZero();
  }

  @Test
  void demo_file_matches_demo_mode_against_a_simulator_on_8090() {
    GatewayConfig file = ConfigLoader.load(DEMO_YAML, Map.of("GATEWAY_API_KEY", "t")).config();
    GatewayConfig mode = ConfigLoader.demo(8090, Map.of("GATEWAY_API_KEY", "t")).config();

    assertThat(file.providers()).isEqualTo(mode.providers());
    assertThat(file.models()).isEqualTo(mode.models());
    assertThat(file.tenants()).isEqualTo(mode.tenants());
    assertThat(file.server()).isEqualTo(mode.server());
    assertThat(file.routing()).isEqualTo(mode.routing());
  }
}
