package com.mas.gateway.loadgen;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load generator for OpenAI chat completions: {@code concurrency} virtual users, spread over
 * {@code eventLoops} user groups (one per event loop), each sending one request at a time to the
 * one URL of the options (closed loop), or with a rate, each group sending its share of the rate
 * on schedule over its connections (open loop), until the warmup and the duration have passed.
 */
final class LoadGenerator {
  private final Vertx vertx;
  private final LoadgenOptions options;
  private final int groups;

  LoadGenerator(Vertx vertx, LoadgenOptions options, int eventLoops) {
    this.vertx = vertx;
    this.options = options;
    this.groups = Math.max(1, Math.min(eventLoops, options.concurrency()));
  }

  /**
   * Runs the load. Completes with the report once every user has stopped: shortly after warmup
   * plus duration, and no later than {@link LoadgenOptions#maxRunTime()} from now, when requests
   * still in flight are aborted. Fails only if the users cannot be started.
   */
  Future<LoadReport> run() {
    RunWindow window = RunWindow.startingAt(
        System.nanoTime(), options.warmup(), options.duration(), options.grace());
    List<UserGroup> started = new CopyOnWriteArrayList<>();
    AtomicInteger index = new AtomicInteger();
    return vertx
        .deployVerticle(() -> group(index.getAndIncrement(), window, started),
            new DeploymentOptions().setInstances(groups))
        .compose(deployment -> collect(started)
            .eventually(() -> vertx.undeploy(deployment)))
        .map(stats -> LoadReport.of(options, window, stats));
  }

  private UserGroup group(int index, RunWindow window, List<UserGroup> started) {
    int users = options.concurrency() / groups + (index < options.concurrency() % groups ? 1 : 0);
    UserGroup group = new UserGroup(options, users, window);
    started.add(group);
    return group;
  }

  private static Future<LoadStats> collect(List<UserGroup> groups) {
    List<Future<LoadStats>> finished = groups.stream().map(UserGroup::finished).toList();
    return Future.all(finished).map(all -> {
      LoadStats total = new LoadStats();
      finished.forEach(group -> total.add(group.result()));
      return total;
    });
  }
}
