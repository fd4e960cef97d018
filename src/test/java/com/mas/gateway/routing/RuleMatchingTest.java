package com.mas.gateway.routing;

import static com.mas.gateway.routing.RoutingFixture.CLAUDE;
import static com.mas.gateway.routing.RoutingFixture.DEEPSEEK;
import static com.mas.gateway.routing.RoutingFixture.GEMINI;
import static com.mas.gateway.routing.RoutingFixture.GPT;
import static com.mas.gateway.routing.RoutingFixture.MINI;
import static com.mas.gateway.routing.RoutingFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mas.gateway.api.GatewayException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which route a request takes: rules in order on each field, then aliases, then the model catalog. */
class RuleMatchingTest {

  @TempDir Path dir;
  RoutingFixture routing;

  @BeforeEach
  void setUp() {
    routing = new RoutingFixture(dir, """
        routing:
          tiers: {small: 100, medium: 1000}
          aliases:
            mas-fast: {targets: [openai/gpt-4o-mini, deepseek/deepseek-chat], maxAttempts: 2, deadline: 20s}
            mas-chinese: {targets: [deepseek/deepseek-chat, openai/gpt-4o], continuation: false}
          rules:
            - name: compliance
              match: {agentType: [compliance_review, compliance-review]}
              targets: [anthropic/claude-sonnet-4-5, openai/gpt-4o]
            - name: vip-reasoning
              match: {tenant: "vip-*", model: "mas-*"}
              targets: [anthropic/claude-sonnet-4-5]
            - match: {model: mas-fast, language: "zh-*"}
              alias: mas-chinese
            - name: pictures
              match: {features: {images: true}}
              targets: [gemini/gemini-2.5-flash, openai/gpt-4o]
            - name: tools
              match: {model: "*-fast", features: {tools: true, jsonOutput: false}}
              targets: [openai/gpt-4o]
            - name: long
              match: {model: mas-fast, features: {tier: [medium, large]}}
              targets: [gemini/gemini-2.5-flash]
        """);
  }

  @Test
  void agent_type_rule_wins_over_the_model_asked_for() {
    RoutePlan plan = routing.plan(ask("gpt-4o-mini").agent("compliance_review").request());

    assertThat(plan.route()).isEqualTo("compliance");
    assertThat(plan.targets()).containsExactly(CLAUDE, GPT);
    assertThat(plan.continuation()).isTrue();
    assertThat(plan.maxAttempts()).isEqualTo(RoutePlan.DEFAULT_MAX_ATTEMPTS);
    assertThat(routing.first(ask("x").agent("compliance-review").request())).isEqualTo(CLAUDE);
  }

  @Test
  void the_first_matching_rule_wins() {
    // a VIP tenant's compliance agent matches both rules: the first one decides
    RouteRequest both = ask("mas-fast").agent("compliance_review").tenant("vip-gold").request();
    assertThat(routing.plan(both).route()).isEqualTo("compliance");
    assertThat(routing.plan(ask("mas-fast").tenant("vip-gold").request()).route()).isEqualTo("vip-reasoning");
  }

  @Test
  void tenant_and_model_globs_must_both_match() {
    assertThat(routing.plan(ask("mas-fast").tenant("vip").request()).route()).isEqualTo("mas-fast");
    assertThat(routing.plan(ask("gpt-4o").tenant("vip-gold").request()).route()).isEqualTo("gpt-4o");
  }

  @Test
  void language_globs_match_tags_in_any_case() {
    for (String language : new String[] {"zh-Hans", "zh-Hant", "zh-hk"}) {
      RoutePlan plan = routing.plan(ask("mas-fast").language(language).request());
      assertThat(plan.route()).as(language).isEqualTo("mas-chinese");
      assertThat(plan.continuation()).isFalse();
    }
    assertThat(routing.plan(ask("mas-fast").language("zh").request()).route()).isEqualTo("mas-fast");
    assertThat(routing.plan(ask("mas-fast").request()).route()).as("und").isEqualTo("mas-fast");
  }

  @Test
  void feature_flags_match_what_the_request_needs() {
    assertThat(routing.plan(ask("gpt-4o").needs(true, false, false).request()).route()).isEqualTo("pictures");
    assertThat(routing.plan(ask("mas-fast").needs(false, true, false).request()).route()).isEqualTo("tools");
    // tools: true but jsonOutput: false does not hold
    assertThat(routing.plan(ask("mas-fast").needs(false, true, true).request()).route()).isEqualTo("mas-fast");
  }

  @Test
  void tiers_follow_the_configured_thresholds() {
    assertThat(routing.plan(ask("mas-fast").tokens(100).request()).route()).isEqualTo("mas-fast");
    assertThat(routing.plan(ask("mas-fast").tokens(101).request()).route()).isEqualTo("long");
    assertThat(routing.plan(ask("mas-fast").tokens(50_000).request()).targets()).containsExactly(GEMINI);
  }

  @Test
  void an_alias_without_a_matching_rule_takes_its_own_route_and_bounds() {
    RoutePlan plan = routing.plan(ask("mas-fast").request());

    assertThat(plan.targets()).containsExactly(MINI, DEEPSEEK);
    assertThat(plan.maxAttempts()).isEqualTo(2);
    assertThat(plan.deadline()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void anything_else_resolves_through_the_catalog_as_one_target() {
    assertThat(routing.plan(ask("claude-sonnet-4-5").request()))
        .isEqualTo(RoutePlan.single("claude-sonnet-4-5", CLAUDE));
    assertThat(routing.plan(ask("deepseek/deepseek-chat").request()).targets()).containsExactly(DEEPSEEK);
    assertThatThrownBy(() -> routing.plan(ask("no-such-model").request()))
        .isInstanceOf(GatewayException.class)
        .satisfies(e -> assertThat(((GatewayException) e).code()).isEqualTo("model_not_found"));
  }

  @Test
  void aliases_are_listed_with_their_targets() {
    assertThat(routing.router.routes().aliases()).containsOnlyKeys("mas-fast", "mas-chinese");
    assertThat(routing.router.routes().aliases().get("mas-chinese")).containsExactly(DEEPSEEK, GPT);
  }
}
