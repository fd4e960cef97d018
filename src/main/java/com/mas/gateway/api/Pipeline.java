package com.mas.gateway.api;

import io.vertx.core.Future;
import java.util.List;

/** The stages every chat request passes, in order, built once at startup. */
final class Pipeline {

  private final List<Stage> stages;

  Pipeline(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  /** Runs the stages in order; fails with the first stage's failure (thrown or returned). */
  Future<Void> run(Exchange exchange) {
    Future<Void> chain = Future.succeededFuture();
    for (Stage stage : stages) {
      chain = chain.compose(v -> applySafely(stage, exchange));
    }
    return chain;
  }

  static Future<Void> applySafely(Stage stage, Exchange exchange) {
    try {
      return stage.apply(exchange);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
