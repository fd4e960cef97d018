package com.mas.gateway.api;

import io.vertx.core.Vertx;

/**
 * Fires when a stream has been silent for longer than its idle limit. {@link #touch()} is a
 * field write, so it costs nothing per chunk; the timer re-arms itself for the remaining time
 * instead of being reset on every chunk. While {@link #suspend() suspended} (the client is slow
 * and the gateway paused the upstream itself) silence does not count.
 */
final class IdleWatchdog {

  private final Vertx vertx;
  private final long idleNanos;
  private final Runnable onIdle;
  private long lastActivity;
  private long timerId = -1;
  private boolean suspended;

  IdleWatchdog(Vertx vertx, long idleMillis, Runnable onIdle) {
    this.vertx = vertx;
    this.idleNanos = idleMillis * 1_000_000L;
    this.onIdle = onIdle;
  }

  void start() {
    touch();
    arm(idleNanos);
  }

  void touch() {
    lastActivity = System.nanoTime();
  }

  void suspend() {
    suspended = true;
  }

  void resume() {
    suspended = false;
    touch();
  }

  void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  private void arm(long delayNanos) {
    timerId = vertx.setTimer(Math.max(1, delayNanos / 1_000_000L), id -> check());
  }

  private void check() {
    long silent = System.nanoTime() - lastActivity;
    if (suspended) {
      arm(idleNanos);
    } else if (silent >= idleNanos) {
      timerId = -1;
      onIdle.run();
    } else {
      arm(idleNanos - silent);
    }
  }
}
