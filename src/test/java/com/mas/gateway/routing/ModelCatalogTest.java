package com.mas.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.config.ModelConfig;
import com.mas.gateway.config.ProviderType;
import com.mas.gateway.testkit.TestConfigs;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

  private final ModelCatalog catalog = new ModelCatalog(TestConfigs.gateway(1024,
      List.of(new ModelConfig("mas-fast", "deepseek", "deepseek-chat"), new ModelConfig("gpt-4o", "backup", "gpt-4o")),
      TestConfigs.provider("openai", ProviderType.OPENAI, "http://127.0.0.1:1/v1"),
      TestConfigs.provider("backup", ProviderType.OPENAI, "http://127.0.0.1:2/v1"),
      TestConfigs.provider("deepseek", ProviderType.DEEPSEEK, "http://127.0.0.1:3")));

  @Test
  void provider_slash_model_goes_straight_to_that_provider() {
    assertThat(catalog.resolve("deepseek/deepseek-reasoner")).isEqualTo(new Target("deepseek", "deepseek-reasoner"));
    assertThat(catalog.resolve("backup/org/model")).isEqualTo(new Target("backup", "org/model"));
  }

  @Test
  void configured_names_win_over_prefixes() {
    assertThat(catalog.resolve("mas-fast")).isEqualTo(new Target("deepseek", "deepseek-chat"));
    assertThat(catalog.resolve("gpt-4o")).isEqualTo(new Target("backup", "gpt-4o"));
  }

  @Test
  void well_known_prefixes_pick_the_provider_of_that_type() {
    assertThat(catalog.resolve("gpt-4o-mini").provider()).isEqualTo("openai");
    assertThat(catalog.resolve("o3-mini").provider()).isEqualTo("openai");
    assertThat(catalog.resolve("o1").provider()).isEqualTo("openai");
    assertThat(catalog.resolve("chatgpt-4o-latest").provider()).isEqualTo("openai");
    assertThat(catalog.resolve("deepseek-chat").provider()).isEqualTo("deepseek");
  }

  @Test
  void claude_and_gemini_prefixes_go_to_their_providers() {
    ModelCatalog withAll = new ModelCatalog(TestConfigs.gateway(1024, List.of(),
        TestConfigs.provider("claude", ProviderType.ANTHROPIC, "http://127.0.0.1:4"),
        TestConfigs.provider("gemini", ProviderType.GEMINI, "http://127.0.0.1:5")));

    assertThat(withAll.resolve("claude-sonnet-4-5")).isEqualTo(new Target("claude", "claude-sonnet-4-5"));
    assertThat(withAll.resolve("gemini-2.5-flash")).isEqualTo(new Target("gemini", "gemini-2.5-flash"));
    assertThatThrownBy(() -> catalog.resolve("claude-sonnet-4-5")).isInstanceOf(GatewayException.class);
  }

  @Test
  void unknown_or_unconfigured_models_are_404() {
    for (String model : List.of("claude-sonnet-4", "gemini-2.5-pro", "omega", "nowhere/gpt-4o", "openai/")) {
      assertThatThrownBy(() -> catalog.resolve(model)).isInstanceOfSatisfying(GatewayException.class,
          e -> assertThat(e.status()).isEqualTo(404));
    }
  }
}
