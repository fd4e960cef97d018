package com.mas.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.config.ResponseScript;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutePlanTest {

  private static final Target DEEPSEEK = new Target("deepseek", "deepseek-chat");
  private static final Target CLAUDE = new Target("anthropic", "claude-sonnet-4-5");
  private static final Target GPT = new Target("openai", "gpt-4o");
  private static final RoutePlan PLAN = new RoutePlan("product-expert", List.of(DEEPSEEK, CLAUDE, GPT), true, 3,
      Duration.ofSeconds(20), ResponseScript.MATCH);

  @Test
  void narrowing_keeps_the_order_and_everything_but_the_dropped_targets() {
    RoutePlan narrowed = PLAN.narrowed(target -> !target.equals(CLAUDE));

    assertThat(narrowed).isEqualTo(new RoutePlan("product-expert", List.of(DEEPSEEK, GPT), true, 3,
        Duration.ofSeconds(20), ResponseScript.MATCH));
  }

  @Test
  void narrowing_to_every_target_is_the_plan_itself_and_to_none_is_null() {
    assertThat(PLAN.narrowed(target -> true)).isSameAs(PLAN);
    assertThat(PLAN.narrowed(target -> false)).isNull();
  }
}
