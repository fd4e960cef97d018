package com.mas.gateway.routing;

import static com.mas.gateway.routing.RoutingFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.config.ConfigLoader;
import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.resilience.AttemptGuard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The agent profiles shipped in {@code conf/gateway.yaml} and in demo mode send each agent to its
 * provider first, with fallbacks on other providers.
 */
class AgentProfilesTest {

  private static final Map<String, String> ALL_KEYS = Map.of("OPENAI_API_KEY", "sk-1", "DEEPSEEK_API_KEY", "ds-1",
      "ANTHROPIC_API_KEY", "sk-ant-1", "GEMINI_API_KEY", "gm-1", "GATEWAY_API_KEY", "t");

  /** A weekday morning in UTC, outside DeepSeek's off-peak window. */
  private static final long MORNING = Instant.parse("2025-06-02T09:00:00Z").toEpochMilli();

  private final RouterVerticle shipped = router(ConfigLoader.load(Path.of("conf/gateway.yaml"), ALL_KEYS).config());
  private final RouterVerticle demo = router(ConfigLoader.demo(8090, Map.of("GATEWAY_API_KEY", "t")).config());

  @ParameterizedTest(name = "{0} goes to {1} first")
  @CsvSource({
      "compliance_review, anthropic/claude-sonnet-4-5, anthropic/sim-claude",
      "compliance-review, anthropic/claude-sonnet-4-5, anthropic/sim-claude",
      "sentiment_analysis, gemini/gemini-2.5-flash, gemini/sim-gemini",
      "product_expert, deepseek/deepseek-chat, deepseek/deepseek-chat",
      "sales, gemini/gemini-2.0-flash, openai/sim-fast",
  })
  void routes_each_agent_to_its_provider_with_fallbacks_elsewhere(String agent, String first, String demoFirst) {
    for (var check : Map.of(shipped, first, demo, demoFirst).entrySet()) {
      RoutePlan plan = check.getKey().routes().plan(ask("gpt-4o").agent(agent).request());
      Target primary = plan.primary();
      assertThat(primary.provider() + "/" + primary.model()).isEqualTo(check.getValue());
      assertThat(plan.targets()).as("fallbacks on other providers")
          .anyMatch(target -> !target.provider().equals(primary.provider()));
    }
  }

  @Test
  void aliases_reach_their_providers() {
    assertThat(shipped.routes().plan(ask("mas-reasoning").request()).primary().provider()).isEqualTo("anthropic");
    assertThat(shipped.routes().plan(ask("mas-chinese").request()).primary().provider()).isEqualTo("deepseek");
    assertThat(shipped.routes().plan(ask("mas-fast").language("zh-Hans").request()).route()).isEqualTo("mas-chinese");
    assertThat(shipped.routes().plan(ask("mas-fast").tokens(50_000).request()).route()).isEqualTo("long-context");
    assertThat(shipped.routes().plan(ask("mas-vision").needs(true, false, false).request()).targets())
        .noneMatch(target -> target.provider().equals("deepseek"));
    assertThat(demo.routes().plan(ask("demo").request()).targets()).containsExactly(new Target("openai", "sim-gpt"));
  }

  private static RouterVerticle router(GatewayConfig config) {
    return new RouterVerticle(config, AttemptGuard.NONE, new SimpleMeterRegistry(), () -> MORNING);
  }
}
