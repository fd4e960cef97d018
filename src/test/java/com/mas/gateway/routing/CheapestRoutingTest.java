package com.mas.gateway.routing;

import static com.mas.gateway.routing.RoutingFixture.CLAUDE;
import static com.mas.gateway.routing.RoutingFixture.DEEPSEEK;
import static com.mas.gateway.routing.RoutingFixture.GEMINI;
import static com.mas.gateway.routing.RoutingFixture.GPT;
import static com.mas.gateway.routing.RoutingFixture.MINI;
import static com.mas.gateway.routing.RoutingFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cheapest: by the price table at this moment, among the targets that can serve the request. */
class CheapestRoutingTest {

  @TempDir Path dir;
  RoutingFixture routing;

  @BeforeEach
  void setUp() {
    routing = new RoutingFixture(dir, """
        pricing:
          models:
            gpt-4o: {input: "2.50", output: "10.00"}
            gpt-4o-mini: {input: "0.15", output: "0.60"}
            claude-sonnet-4-5: {input: "3.00", output: "15.00"}
            deepseek-chat:
              input: "0.27"
              output: "1.10"
              timeZone: UTC
              windows: [{days: all, from: "16:30", to: "00:30", input: "0.05", output: "0.10"}]
        routing:
          aliases:
            mas-cheap:
              targets:
                - gemini/gemini-2.5-flash
                - anthropic/claude-sonnet-4-5
                - openai/gpt-4o
                - deepseek/deepseek-chat
                - openai/gpt-4o-mini
              strategy: cheapest
        """);
    routing.clock.set(Instant.parse("2025-06-02T10:00:00Z").toEpochMilli());
  }

  @Test
  void orders_by_estimated_cost_with_unpriced_targets_last() {
    assertThat(routing.plan(ask("mas-cheap").request()).targets()).containsExactly(MINI, DEEPSEEK, GPT, CLAUDE, GEMINI);
  }

  @Test
  void picks_the_cheapest_capable_target() {
    assertThat(routing.first(ask("mas-cheap").needs(false, false, true).request()))
        .as("gpt-4o-mini has no JSON output here").isEqualTo(DEEPSEEK);
    assertThat(routing.first(ask("mas-cheap").needs(true, false, true).request()))
        .as("nor deepseek-chat images").isEqualTo(GPT);
  }

  @Test
  void follows_the_price_window_in_force() {
    routing.clock.set(Instant.parse("2025-06-02T17:00:00Z").toEpochMilli());

    assertThat(routing.first(ask("mas-cheap").request())).as("DeepSeek off-peak").isEqualTo(DEEPSEEK);
  }

  @Test
  void weighs_input_against_output_prices() {
    // a long prompt and a short answer: the input price decides, gpt-4o-mini (0.15) beats deepseek (0.27)
    assertThat(routing.first(ask("mas-cheap").tokens(100_000).maxTokens(10).request())).isEqualTo(MINI);
    routing.clock.set(Instant.parse("2025-06-02T17:00:00Z").toEpochMilli());
    assertThat(routing.first(ask("mas-cheap").tokens(100_000).maxTokens(10).request())).isEqualTo(DEEPSEEK);
  }
}
