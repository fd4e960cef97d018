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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every strategy composes with: capability (incapable targets left out), breakers and rate
 * limits (such targets tried last), and operator overrides (providers off, forced on, pins).
 */
class PlanFiltersTest {

  @TempDir Path dir;
  RoutingFixture routing;

  @BeforeEach
  void setUp() {
    routing = new RoutingFixture(dir, """
        routing:
          aliases:
            mas-chinese: {targets: [deepseek/deepseek-chat, openai/gpt-4o-mini, anthropic/claude-sonnet-4-5]}
        """);
  }

  @Test
  void leaves_out_targets_that_cannot_serve_the_request() {
    assertThat(routing.plan(ask("mas-chinese").needs(true, false, false).request()).targets())
        .as("deepseek-chat takes no images").containsExactly(MINI, CLAUDE);
    assertThat(routing.plan(ask("mas-chinese").needs(true, false, true).request()).targets())
        .as("nor does gpt-4o-mini JSON here").containsExactly(CLAUDE);
    assertThat(routing.plan(ask("mas-chinese").maxTokens(10_000).request()).targets()).containsExactly(MINI, CLAUDE);
  }

  @Test
  void refuses_with_the_capability_error_when_no_target_can_serve() {
    assertThatThrownBy(() -> routing.plan(ask("deepseek/deepseek-chat").needs(true, false, false).request()))
        .isInstanceOfSatisfying(GatewayException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("unsupported_capability");
          assertThat(e.param()).isEqualTo("messages");
          assertThat(e.getMessage()).contains("'deepseek/deepseek-chat'");
        });
  }

  @Test
  void tries_targets_with_an_open_breaker_last() {
    routing.breakers.open(DEEPSEEK);
    assertThat(routing.plan(ask("mas-chinese").request()).targets()).containsExactly(MINI, CLAUDE, DEEPSEEK);

    routing.breakers.open(MINI);
    routing.breakers.open(CLAUDE);
    assertThat(routing.plan(ask("mas-chinese").request()).targets()).as("all down: still tries all")
        .containsExactly(DEEPSEEK, MINI, CLAUDE);
  }

  @Test
  void a_429_takes_a_target_out_of_first_place_until_its_retry_after() {
    routing.scores().failed(DEEPSEEK, rateLimited(Map.of("retry-after", "30")));
    assertThat(routing.plan(ask("mas-chinese").request()).targets()).containsExactly(MINI, CLAUDE, DEEPSEEK);

    routing.clock.addAndGet(29_000);
    assertThat(routing.first(ask("mas-chinese").request())).isEqualTo(MINI);
    assertThat(routing.router.figures()).filteredOn(f -> f.target().equals(DEEPSEEK))
        .singleElement().satisfies(f -> assertThat(f.exhaustedUntilMillis()).isEqualTo(routing.clock.get() + 1_000));

    routing.clock.addAndGet(1_000);
    assertThat(routing.first(ask("mas-chinese").request())).isEqualTo(DEEPSEEK);
  }

  @Test
  void reads_retry_after_in_milliseconds_as_a_date_and_defaults_to_a_second() {
    routing.scores().failed(DEEPSEEK, rateLimited(Map.of("retry-after-ms", "1500", "retry-after", "60")));
    routing.clock.addAndGet(1_499);
    assertThat(routing.first(ask("mas-chinese").request())).isEqualTo(MINI);
    routing.clock.addAndGet(1);
    assertThat(routing.first(ask("mas-chinese").request())).isEqualTo(DEEPSEEK);

    routing.clock.set(1_750_000_100_000L); // a whole second: HTTP dates have no milliseconds
    String inTenSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
        .format(java.time.Instant.ofEpochMilli(routing.clock.get() + 10_000).atZone(java.time.ZoneOffset.UTC));
    routing.scores().failed(DEEPSEEK, rateLimited(Map.of("retry-after", inTenSeconds)));
    routing.clock.addAndGet(9_999);
    assertThat(routing.first(ask("mas-chinese").request())).isEqualTo(MINI);
    routing.clock.addAndGet(1);
    assertThat(routing.first(ask("mas-chinese").request())).isEqualTo(DEEPSEEK);

    routing.scores().failed(DEEPSEEK, rateLimited(Map.of()));
    assertThat(routing.first(ask("mas-chinese").request())).isEqualTo(MINI);
    routing.clock.addAndGet(RetryAfter.DEFAULT_MILLIS);
    assertThat(routing.first(ask("mas-chinese").request())).isEqualTo(DEEPSEEK);
  }

  @Test
  void an_operator_switching_a_provider_off_drops_its_targets() {
    routing.router.overrides(new Overrides(Set.of("deepseek"), Set.of(), Map.of()));
    assertThat(routing.plan(ask("mas-chinese").request()).targets()).containsExactly(MINI, CLAUDE);

    routing.router.overrides(new Overrides(Set.of("deepseek", "openai", "anthropic"), Set.of(), Map.of()));
    assertThatThrownBy(() -> routing.plan(ask("mas-chinese").request()))
        .isInstanceOfSatisfying(GatewayException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.code()).isEqualTo("no_available_target");
        });

    routing.router.overrides(Overrides.NONE);
    assertThat(routing.first(ask("mas-chinese").request())).isEqualTo(DEEPSEEK);
  }

  @Test
  void a_provider_forced_on_goes_first_despite_its_open_breaker() {
    routing.breakers.open(DEEPSEEK);
    routing.router.overrides(new Overrides(Set.of(), Set.of("deepseek"), Map.of()));

    assertThat(routing.plan(ask("mas-chinese").request()).targets()).containsExactly(DEEPSEEK, MINI, CLAUDE);
  }

  @Test
  void a_pin_sends_its_route_to_one_target() {
    routing.router.overrides(new Overrides(Set.of(), Set.of(), Map.of("mas-chinese", GEMINI, "gpt-4o", CLAUDE)));

    RoutePlan pinned = routing.plan(ask("mas-chinese").request());
    assertThat(pinned.route()).isEqualTo("mas-chinese");
    assertThat(pinned.targets()).containsExactly(GEMINI);
    assertThat(routing.plan(ask("gpt-4o").request()).targets()).as("a model without a rule").containsExactly(CLAUDE);
    assertThat(routing.plan(ask("openai/gpt-4o").request()).targets()).as("another route").containsExactly(GPT);
    assertThat(routing.router.report().getJsonObject("overrides").getJsonObject("pins").getString("mas-chinese"))
        .isEqualTo("gemini/gemini-2.5-flash");
  }

  private static GatewayException rateLimited(Map<String, String> headers) {
    return new GatewayException(429, "rate_limit_error", "rate_limit_exceeded", null, "slow down", headers);
  }
}
