package com.mas.gateway.loadgen;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one load run, kept in microseconds in an HdrHistogram (log-linear buckets, so
 * the relative error is bounded at every magnitude). Not thread-safe: each user group records
 * into its own and the groups are merged with {@link #add} once they have finished.
 */
final class LatencyHistogram {
  /** Longest latency kept apart; longer ones are recorded as this value. */
  static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

  // Four significant digits: exact microseconds up to 32.7 ms and steps of at most 8 us up to
  // 262 ms, so TTFT percentiles print correctly at the report's 0.01 ms. ~2 MB per histogram.
  private static final int SIGNIFICANT_DIGITS = 4;

  private final Histogram histogram = new Histogram(1, MAX_MICROS, SIGNIFICANT_DIGITS);

  /** Records one latency, rounded to the nearest microsecond and clamped to [0, MAX_MICROS]. */
  void recordNanos(long nanos) {
    long micros = Math.max(0, (nanos + 500) / 1000);
    histogram.recordValue(Math.min(micros, MAX_MICROS));
  }

  /** Adds every value recorded by {@code other} to this histogram. */
  void add(LatencyHistogram other) {
    histogram.add(other.histogram);
  }

  long count() {
    return histogram.getTotalCount();
  }

  /** The latency at {@code percentile} (0-100) in milliseconds; 0 when nothing was recorded. */
  double percentileMillis(double percentile) {
    return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  double maxMillis() {
    return count() == 0 ? 0 : histogram.getMaxValue() / 1000.0;
  }

  double meanMillis() {
    return count() == 0 ? 0 : histogram.getMean() / 1000.0;
  }

  /** The summary the reports print; all zeros when nothing was recorded. */
  Percentiles summary() {
    return new Percentiles(
        count(),
        percentileMillis(50),
        percentileMillis(90),
        percentileMillis(99),
        maxMillis(),
        meanMillis());
  }
}
