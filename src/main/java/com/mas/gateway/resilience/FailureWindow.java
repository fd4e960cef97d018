package com.mas.gateway.resilience;

import java.time.Duration;
import java.util.Arrays;

/**
 * Attempts and failures over a sliding window of time, for the failure-ratio rule that Vert.x's
 * circuit breaker cannot express (it counts failures in a row, or failures in a window, never
 * their share of all attempts). Ten buckets each hold a tenth of the window; a bucket is reused
 * once it has aged out. Thread-safe: one short critical section per finished attempt, on the
 * attempt's own event loop.
 */
final class FailureWindow {

  private static final int BUCKETS = 10;
  /** Far enough below any {@code nanoTime / bucket} index that no stale bucket reads as recent. */
  private static final long NEVER = Long.MIN_VALUE / 2;

  private final long bucketNanos;
  private final double ratio;
  private final int minAttempts;
  private final long[] indexes = new long[BUCKETS];
  private final int[] attempts = new int[BUCKETS];
  private final int[] failures = new int[BUCKETS];

  FailureWindow(Duration window, double ratio, int minAttempts) {
    this.bucketNanos = Math.max(1, window.toNanos() / BUCKETS);
    this.ratio = ratio;
    this.minAttempts = minAttempts;
    reset();
  }

  /**
   * Counts one finished attempt at {@code nowNanos}. True when, with it, the window holds at least
   * the minimum attempts and the share of failures reached the ratio.
   */
  synchronized boolean record(boolean failed, long nowNanos) {
    long index = Math.floorDiv(nowNanos, bucketNanos);
    int slot = (int) Math.floorMod(index, (long) BUCKETS);
    if (indexes[slot] != index) {
      indexes[slot] = index;
      attempts[slot] = 0;
      failures[slot] = 0;
    }
    attempts[slot]++;
    if (!failed) {
      return false;
    }
    failures[slot]++;
    int total = 0;
    int failedTotal = 0;
    for (int i = 0; i < BUCKETS; i++) {
      if (index - indexes[i] < BUCKETS) {
        total += attempts[i];
        failedTotal += failures[i];
      }
    }
    return total >= minAttempts && failedTotal >= ratio * total;
  }

  /** Forgets every attempt: a breaker that changed state starts counting afresh. */
  synchronized void reset() {
    Arrays.fill(indexes, NEVER);
    Arrays.fill(attempts, 0);
    Arrays.fill(failures, 0);
  }
}
