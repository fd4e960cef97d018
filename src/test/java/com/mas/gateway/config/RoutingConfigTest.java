package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing section: what it reads, what it skips with a warning, and errors naming the field. */
class RoutingConfigTest {

  /** openai with a key, deepseek disabled (empty key, remote URL). */
  private static final String PROVIDERS = """
      providers:
        openai: {type: openai, apiKey: sk-test}
        deepseek: {type: deepseek, apiKey: ""}
      """;

  @TempDir Path dir;
  YamlFixture yaml;

  @BeforeEach
  void setUp() {
    yaml = new YamlFixture(dir);
  }

  @Test
  void reads_aliases_rules_and_tiers() {
    RoutingConfig routing = yaml.load(PROVIDERS + """
        routing:
          tiers: {small: 500, medium: 5000}
          aliases:
            mas-canary:
              targets: [openai/gpt-4o, openai/gpt-4o-mini]
              strategy: weighted
              weights: {openai/gpt-4o: 90, openai/gpt-4o-mini: 10}
              continuation: false
              maxAttempts: 2
              deadline: 15s
          rules:
            - name: compliance
              match:
                model: ["mas-*", gpt-4o]
                agentType: Compliance_Review
                tenant: acme
                language: "zh-*"
                features: {images: true, tools: false, jsonOutput: true, tier: [medium, large]}
              targets: [openai/gpt-4o]
              strategy: least-latency
            - match: {agentType: sales}
              alias: mas-canary
            - targets: [openai/gpt-4o-mini]
              strategy: cheapest
        """).config().routing();

    RouteConfig canary = routing.aliases().get("mas-canary");
    assertThat(canary).isEqualTo(new RouteConfig("mas-canary", List.of(new RouteTarget("openai", "gpt-4o", 90),
        new RouteTarget("openai", "gpt-4o-mini", 10)), RouteStrategy.WEIGHTED, false, 2, Duration.ofSeconds(15)));
    assertThat(routing.rules()).hasSize(3);
    assertThat(routing.rules().get(0).match()).isEqualTo(new RuleMatch(List.of("mas-*", "gpt-4o"),
        List.of("compliance_review"), List.of("acme"), List.of("zh-*"), true, false, true,
        Set.of(RuleMatch.Tier.MEDIUM, RuleMatch.Tier.LARGE)));
    assertThat(routing.rules().get(0).route().strategy()).isEqualTo(RouteStrategy.LEAST_LATENCY);
    assertThat(routing.rules().get(0).route().continuation()).isTrue();
    assertThat(routing.rules().get(1).route()).isEqualTo(canary);
    assertThat(routing.rules().get(2).match()).isEqualTo(RuleMatch.ANY);
    assertThat(routing.rules().get(2).route().name()).isEqualTo("rule-3");
    assertThat(routing.tier(500)).isEqualTo(RuleMatch.Tier.SMALL);
    assertThat(routing.tier(501)).isEqualTo(RuleMatch.Tier.MEDIUM);
    assertThat(routing.tier(5001)).isEqualTo(RuleMatch.Tier.LARGE);
  }

  @Test
  void skips_targets_and_routes_of_disabled_providers_with_warnings() {
    LoadedConfig loaded = yaml.load(PROVIDERS + """
        routing:
          aliases:
            mas-fast: {targets: [deepseek/deepseek-chat, openai/gpt-4o-mini]}
            mas-chinese: {targets: [deepseek/deepseek-chat]}
          rules:
            - match: {language: "zh-*"}
              alias: mas-chinese
            - name: cn
              match: {tenant: cn}
              targets: [deepseek/deepseek-reasoner]
        """);

    assertThat(loaded.config().routing().aliases()).containsOnlyKeys("mas-fast");
    assertThat(loaded.config().routing().aliases().get("mas-fast").targets())
        .containsExactly(new RouteTarget("openai", "gpt-4o-mini", 0));
    assertThat(loaded.config().routing().rules()).isEmpty();
    assertThat(loaded.warnings()).contains(
        "routing.aliases.mas-fast.targets: deepseek/deepseek-chat skipped, provider disabled",
        "routing.aliases.mas-chinese: route \"mas-chinese\" skipped, all its providers are disabled",
        "routing.rules[0]: rule skipped, alias \"mas-chinese\" has no enabled target",
        "routing.rules[1]: route \"cn\" skipped, all its providers are disabled");
  }

  @Test
  void no_section_means_no_routing() {
    assertThat(yaml.load(PROVIDERS).config().routing()).isEqualTo(RoutingConfig.NONE);
  }

  @Test
  void names_the_field_of_a_bad_target() {
    fails("aliases: {a: {targets: [gpt-4o]}}", "routing.aliases.a.targets[0]", "expected provider/model, got \"gpt-4o\"");
    fails("aliases: {a: {targets: [openai/x, nope/x]}}", "routing.aliases.a.targets[1]",
        "unknown provider \"nope\"; configured: openai, deepseek");
    fails("aliases: {a: {targets: [openai/x, openai/x]}}", "routing.aliases.a.targets[1]",
        "duplicate target \"openai/x\"");
    fails("aliases: {a: {targets: []}}", "routing.aliases.a.targets", "required: at least one provider/model target");
  }

  @Test
  void names_the_field_of_a_bad_strategy_or_weight() {
    fails("aliases: {a: {targets: [openai/x], strategy: fastest}}", "routing.aliases.a.strategy",
        "unknown strategy \"fastest\"; expected one of priority, weighted, least-latency, cheapest");
    fails("aliases: {a: {targets: [openai/x], strategy: weighted}}", "routing.aliases.a.weights",
        "required for strategy weighted: a weight for each target");
    fails("aliases: {a: {targets: [openai/x], weights: {openai/x: 1}}}", "routing.aliases.a.weights",
        "only used with strategy: weighted");
    fails("aliases: {a: {targets: [openai/x, openai/y], strategy: weighted, weights: {openai/x: 1}}}",
        "routing.aliases.a.weights", "no weight for target \"openai/y\"");
    fails("aliases: {a: {targets: [openai/x], strategy: weighted, weights: {openai/x: 1, openai/z: 1}}}",
        "routing.aliases.a.weights.openai/z", "not one of this route's targets");
    fails("aliases: {a: {targets: [openai/x], strategy: weighted, weights: {openai/x: -1}}}",
        "routing.aliases.a.weights.openai/x", "must be between 0 and 1000000, got -1");
    fails("aliases: {a: {targets: [openai/x], strategy: weighted, weights: {openai/x: 0}}}",
        "routing.aliases.a.weights", "at least one weight must be above zero");
    fails("aliases: {a: {targets: [openai/x], maxAttempts: 0}}", "routing.aliases.a.maxAttempts",
        "must be between 1 and 20, got 0");
  }

  @Test
  void names_the_field_of_a_bad_rule() {
    fails("rules: [{alias: nope}]", "routing.rules[0].alias", "unknown alias \"nope\"; no aliases are defined");
    fails("aliases: {a: {targets: [openai/x]}}\n  rules: [{alias: a, targets: [openai/y]}]",
        "routing.rules[0].targets", "a rule takes either alias or its own route (targets, strategy, ...), not both");
    fails("rules: [{match: {colour: red}, targets: [openai/x]}]", "routing.rules[0].match.colour",
        "unknown key; expected one of model, agentType, tenant, language, features");
    fails("rules: [{match: {features: {tier: huge}}, targets: [openai/x]}]", "routing.rules[0].match.features.tier",
        "expected small, medium or large, got \"huge\"");
    fails("rules: [{match: {model: []}, targets: [openai/x]}]", "routing.rules[0].match.model",
        "must not be empty; omit the condition to match anything");
    fails("rules: [{match: {features: {images: maybe}}, targets: [openai/x]}]",
        "routing.rules[0].match.features.images", "expected true or false, got \"maybe\"");
    fails("aliases: {a: {targets: [openai/x]}}\n  rules: [{name: a, targets: [openai/y]}]", "routing.rules[0].name",
        "route name \"a\" is already used");
  }

  @Test
  void names_the_field_of_a_bad_alias_or_tier() {
    fails("aliases: {\"bad name\": {targets: [openai/x]}}", "routing.aliases.bad name",
        "an alias must be " + ConfigNode.IDENTIFIER_RULE);
    fails("tiers: {small: 9000, medium: 100}", "routing.tiers.small", "must not exceed tiers.medium (100)");
    yaml.assertFails(PROVIDERS + "models: [{name: mas-fast, provider: openai}]\nrouting:\n  aliases: {mas-fast: "
        + "{targets: [openai/x]}}\n", "routing.aliases.mas-fast",
        "alias \"mas-fast\" is also a name in models; use one or the other");
  }

  private void fails(String routing, String path, String problem) {
    yaml.assertFails(PROVIDERS + "routing:\n  " + routing + "\n", YamlFixture.ENV, path, problem);
  }

  @Test
  void demo_mode_routes_agent_profiles_over_the_simulated_providers() {
    RoutingConfig routing = ConfigLoader.demo(8090, Map.of("GATEWAY_API_KEY", "t")).config().routing();

    assertThat(routing.aliases()).containsOnlyKeys("mas-reasoning", "mas-fast", "mas-chinese", "mas-vision");
    assertThat(routing.rules()).extracting(rule -> rule.route().name())
        .containsExactly("compliance-review", "sentiment-analysis", "product-expert", "sales", "mas-chinese");
  }
}
