package com.mas.gateway.routing;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live figures of one target. Written by every event loop that reports an attempt and read by
 * every routing decision, so each figure is a lock-free atomic: moving averages are doubles kept
 * as their bits in an {@link AtomicLong} and updated by compare-and-set.
 */
final class TargetScore {

  /** The newest time-to-first-event sample's weight: about the last five answers count. */
  static final double LATENCY_ALPHA = 0.3;

  /** The newest outcome's weight in the error rate: about the last twenty attempts count. */
  static final double ERROR_ALPHA = 0.1;

  private final AtomicLong latencyBits = new AtomicLong(Double.doubleToRawLongBits(Double.NaN));
  private final AtomicLong errorBits = new AtomicLong(Double.doubleToRawLongBits(0.0));
  private final AtomicLong exhaustedUntil = new AtomicLong();
  private final LongAdder attempts = new LongAdder();
  private final LongAdder failures = new LongAdder();

  void answered(double firstEventMillis) {
    attempts.increment();
    blend(latencyBits, firstEventMillis, LATENCY_ALPHA);
    blend(errorBits, 0, ERROR_ALPHA);
  }

  void errored() {
    attempts.increment();
    failures.increment();
    blend(errorBits, 1, ERROR_ALPHA);
  }

  /** The upstream refused the request itself (a 400): says nothing about the target's health. */
  void refused() {
    attempts.increment();
  }

  /** A rate limit: out of first place until {@code untilMillis} (the later of what was said). */
  void exhaust(long untilMillis) {
    attempts.increment();
    failures.increment();
    exhaustedUntil.accumulateAndGet(untilMillis, Math::max);
  }

  /** Time to first event in ms (moving average); NaN before the first answer. */
  double latencyMillis() {
    return Double.longBitsToDouble(latencyBits.get());
  }

  double errorRate() {
    return Double.longBitsToDouble(errorBits.get());
  }

  boolean exhaustedAt(long nowMillis) {
    return nowMillis < exhaustedUntil.get();
  }

  TargetFigures figures(Target target, long nowMillis) {
    long until = exhaustedUntil.get();
    return new TargetFigures(target, latencyMillis(), errorRate(), attempts.sum(), failures.sum(),
        until > nowMillis ? until : 0);
  }

  private static void blend(AtomicLong bits, double sample, double alpha) {
    long seen;
    long next;
    do {
      seen = bits.get();
      double old = Double.longBitsToDouble(seen);
      next = Double.doubleToRawLongBits(Double.isNaN(old) ? sample : old + alpha * (sample - old));
    } while (!bits.compareAndSet(seen, next));
  }
}
