package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCapabilitiesConfigTest {

  private static final String PROVIDER =
      """
      providers:
        claude:
          type: anthropic
          apiKey: test
          models:
            - claude-haiku-4-5
      """;

  @TempDir Path dir;
  YamlFixture yaml;

  @BeforeEach
  void setUp() {
    yaml = new YamlFixture(dir);
  }

  @Test
  void model_entries_are_ids_or_mappings_with_capabilities() {
    ProviderConfig claude = yaml.load(PROVIDER
        + "      - {id: claude-text, vision: false, jsonOutput: false, contextWindow: 200000,"
        + " maxOutput: 8192, defaultMaxTokens: 1024}\n").config().providers().get("claude");

    assertThat(claude.models()).containsExactly("claude-haiku-4-5", "claude-text");
    assertThat(claude.capabilitiesOf("claude-text"))
        .isEqualTo(new ModelCapabilities(false, true, false, 200_000, 8192, 1024));
    assertThat(claude.capabilitiesOf("claude-haiku-4-5")).isEqualTo(ModelCapabilities.UNDECLARED);
  }

  @Test
  void rejects_an_unknown_capability_naming_its_path() {
    yaml.assertFails(PROVIDER + "      - {id: x, audio: true}\n", "providers.claude.models[1].audio",
        "unknown key; expected one of id, vision, tools, jsonOutput, contextWindow, maxOutput, defaultMaxTokens");
  }

  @Test
  void rejects_a_mapping_without_an_id() {
    yaml.assertFails(PROVIDER + "      - {vision: true}\n", "providers.claude.models[1].id", "required");
  }

  @Test
  void rejects_a_default_above_the_maximum_output() {
    yaml.assertFails(PROVIDER + "      - {id: x, maxOutput: 100, defaultMaxTokens: 200}\n",
        "providers.claude.models[1].defaultMaxTokens", "must not exceed maxOutput (100)");
  }

  @Test
  void rejects_a_model_declared_twice() {
    yaml.assertFails(PROVIDER + "      - {id: x}\n      - {id: x, tools: false}\n",
        "providers.claude.models[2].id", "model \"x\" is declared twice");
  }
}
