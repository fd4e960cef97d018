package com.mas.gateway.routing;

import static com.mas.gateway.routing.RoutingFixture.CLAUDE;
import static com.mas.gateway.routing.RoutingFixture.GPT;
import static com.mas.gateway.routing.RoutingFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A weighted 90/10 canary: the split holds, users stick to their arm, a down arm hands over its share. */
class WeightedRoutingTest {

  static final String CANARY = """
      routing:
        aliases:
          mas-canary:
            targets: [openai/gpt-4o, anthropic/claude-sonnet-4-5]
            strategy: weighted
            weights: {openai/gpt-4o: 90, anthropic/claude-sonnet-4-5: 10}
      """;

  @TempDir Path dir;
  RoutingFixture routing;

  @BeforeEach
  void setUp() {
    routing = new RoutingFixture(dir, CANARY);
  }

  @Test
  void splits_1000_anonymous_requests_90_10_within_3_percent() {
    Map<Target, Integer> counts = count(1000, i -> ask("mas-canary").request());

    assertThat(counts.get(GPT)).isBetween(870, 930);
    assertThat(counts.get(CLAUDE)).isBetween(70, 130);
  }

  @Test
  void splits_1000_users_90_10_within_3_percent() {
    Map<Target, Integer> counts = count(1000, i -> ask("mas-canary").user("user-" + i).request());

    assertThat(counts.get(GPT)).isBetween(870, 930);
    assertThat(counts.get(CLAUDE)).isBetween(70, 130);
  }

  @Test
  void a_user_stays_on_one_arm_on_every_instance() {
    RoutingFixture other = new RoutingFixture(dir, CANARY);
    for (int user = 0; user < 200; user++) {
      RouteRequest request = ask("mas-canary").user("user-" + user).request();
      Target arm = routing.first(request);
      for (int repeat = 0; repeat < 5; repeat++) {
        assertThat(routing.first(request)).isEqualTo(arm);
      }
      assertThat(other.first(request)).as("another gateway instance").isEqualTo(arm);
    }
  }

  @Test
  void the_same_user_of_another_tenant_is_drawn_apart() {
    long moved = java.util.stream.IntStream.range(0, 200)
        .filter(i -> !routing.first(ask("mas-canary").user("u" + i).request())
            .equals(routing.first(ask("mas-canary").user("u" + i).tenant("other").request())))
        .count();

    assertThat(moved).isPositive();
  }

  @Test
  void the_other_arm_follows_as_fallback_and_takes_over_while_one_is_down() {
    assertThat(routing.plan(ask("mas-canary").request()).targets()).containsExactlyInAnyOrder(GPT, CLAUDE);
    routing.breakers.open(GPT);

    Map<Target, Integer> counts = count(100, i -> ask("mas-canary").user("user-" + i).request());
    assertThat(counts.get(CLAUDE)).isEqualTo(100);
    assertThat(routing.plan(ask("mas-canary").request()).targets()).containsExactly(CLAUDE, GPT);

    routing.breakers.close(GPT);
    assertThat(count(1000, i -> ask("mas-canary").user("user-" + i).request()))
        .isEqualTo(count(1000, i -> ask("mas-canary").user("user-" + i).request()));
  }

  private Map<Target, Integer> count(int requests, java.util.function.IntFunction<RouteRequest> request) {
    Map<Target, Integer> counts = new HashMap<>();
    for (int i = 0; i < requests; i++) {
      counts.merge(routing.first(request.apply(i)), 1, Integer::sum);
    }
    return counts;
  }
}
