package com.mas.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrentStagesTest {

  private final Exchange exchange = new Exchange(null, "req-1");
  private final List<String> started = new ArrayList<>();

  @Test
  void starts_every_stage_before_any_has_finished() {
    Promise<Void> limits = Promise.promise();
    Promise<Void> budget = Promise.promise();
    Future<Void> both = new ConcurrentStages(List.of(stage("limits", limits.future()), stage("budget", budget.future())))
        .apply(exchange);

    assertThat(started).containsExactly("limits", "budget");
    assertThat(both.isComplete()).isFalse();
    budget.complete();
    assertThat(both.isComplete()).as("waits for all").isFalse();
    limits.complete();
    assertThat(both.succeeded()).isTrue();
  }

  @Test
  void fails_with_the_first_failure_in_list_order_after_all_have_ended() {
    Promise<Void> limits = Promise.promise();
    Promise<Void> budget = Promise.promise();
    Future<Void> both = new ConcurrentStages(List.of(stage("limits", limits.future()), stage("budget", budget.future())))
        .apply(exchange);

    budget.fail(new GatewayException(429, "insufficient_quota", "budget_exceeded", null, "budget"));
    assertThat(both.isComplete()).isFalse();
    limits.fail(new GatewayException(429, "requests", "rate_limit_exceeded", null, "limit"));

    assertThat(both.cause()).hasMessage("limit");
  }

  @Test
  void a_thrown_failure_counts_like_a_returned_one() {
    Stage throwing = new Stage() {
      @Override
      public String name() {
        return "throwing";
      }

      @Override
      public Future<Void> apply(Exchange ignored) {
        throw GatewayException.badRequest("x", "thrown");
      }
    };
    ConcurrentStages stages = new ConcurrentStages(List.of(stage("limits", Future.succeededFuture()), throwing));

    assertThat(stages.apply(exchange).cause()).hasMessage("thrown");
    assertThat(stages.name()).isEqualTo("limits+throwing");
  }

  private Stage stage(String name, Future<Void> result) {
    return new Stage() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Future<Void> apply(Exchange ignored) {
        started.add(name);
        return result;
      }
    };
  }
}
