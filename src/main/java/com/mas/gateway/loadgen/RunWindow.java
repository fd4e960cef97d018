package com.mas.gateway.loadgen;

import java.time.Duration;

/**
 * The phases of one run on the {@link System#nanoTime()} clock: warmup from {@code start} to
 * {@code measureFrom}, measurement until {@code measureUntil}, then a grace period in which the
 * requests still in flight may finish; at {@code hardStop} they are aborted.
 *
 * <p>An exchange is measured when it completes inside [measureFrom, measureUntil]; users stop
 * issuing requests at measureUntil.
 */
record RunWindow(long startNanos, long measureFromNanos, long measureUntilNanos, long hardStopNanos) {

  static RunWindow startingAt(long nowNanos, Duration warmup, Duration duration, Duration grace) {
    long measureFrom = nowNanos + warmup.toNanos();
    long measureUntil = measureFrom + duration.toNanos();
    return new RunWindow(nowNanos, measureFrom, measureUntil, measureUntil + grace.toNanos());
  }

  /** Whether a user may still issue a new request at {@code nowNanos}. */
  boolean accepting(long nowNanos) {
    return nowNanos - measureUntilNanos < 0;
  }

  /** Whether an exchange that completed at {@code endNanos} belongs to the measurement. */
  boolean measures(long endNanos) {
    return endNanos - measureFromNanos >= 0 && endNanos - measureUntilNanos <= 0;
  }

  /** Milliseconds from {@code nowNanos} to the hard stop, at least 1. */
  long millisUntilHardStop(long nowNanos) {
    return Math.max(1, Duration.ofNanos(hardStopNanos - nowNanos).toMillis());
  }

  double measuredSeconds() {
    return (measureUntilNanos - measureFromNanos) / 1e9;
  }

  double warmupSeconds() {
    return (measureFromNanos - startNanos) / 1e9;
  }
}
