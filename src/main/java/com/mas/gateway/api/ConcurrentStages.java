package com.mas.gateway.api;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stages that check and reserve independently of each other (the rate-limit admission and the
 * budget reservation) started together, so their Redis round trips overlap instead of adding
 * up. Fails with the failure of the first stage in list order, as a sequence would; whatever a
 * stage reserved is given back by its completion handler, since a refused request completes
 * without being dispatched.
 */
final class ConcurrentStages implements Stage {

  private final List<Stage> stages;

  ConcurrentStages(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  @Override
  public String name() {
    return stages.stream().map(Stage::name).collect(Collectors.joining("+"));
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    // A loop, not a stream: this runs for every request.
    List<Future<Void>> runs = new ArrayList<>(stages.size());
    for (Stage stage : stages) {
      runs.add(Pipeline.applySafely(stage, exchange));
    }
    return Future.join(runs).transform(joined -> {
      for (Future<Void> run : runs) {
        if (run.failed()) {
          return Future.failedFuture(run.cause());
        }
      }
      return Future.succeededFuture();
    });
  }
}
