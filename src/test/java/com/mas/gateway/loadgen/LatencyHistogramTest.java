package com.mas.gateway.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void reports_exact_percentiles_of_a_uniform_distribution_in_milliseconds() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (int micros = 1; micros <= 10_000; micros++) {
      histogram.recordNanos(TimeUnit.MICROSECONDS.toNanos(micros));
    }

    Percentiles summary = histogram.summary();

    assertThat(summary.count()).isEqualTo(10_000);
    assertThat(summary.p50()).isEqualTo(5.0);
    assertThat(summary.p90()).isEqualTo(9.0);
    assertThat(summary.p99()).isEqualTo(9.9);
    assertThat(summary.max()).isEqualTo(10.0);
    assertThat(summary.mean()).isCloseTo(5.0005, within(0.001));
  }

  @Test
  void keeps_hundredth_of_a_millisecond_resolution_up_to_a_quarter_second() {
    LatencyHistogram histogram = new LatencyHistogram();
    long[] samples = {20_013_000L, 151_237_000L, 249_999_000L};
    for (long nanos : samples) {
      histogram.recordNanos(nanos);
    }

    assertThat(histogram.percentileMillis(1)).isCloseTo(20.013, within(0.005));
    assertThat(histogram.percentileMillis(50)).isCloseTo(151.237, within(0.01));
    assertThat(histogram.maxMillis()).isCloseTo(249.999, within(0.01));
  }

  @Test
  void matches_exact_percentiles_of_a_skewed_random_sample_within_its_precision() {
    Random random = new Random(42);
    long[] micros = new long[50_000];
    LatencyHistogram histogram = new LatencyHistogram();
    for (int i = 0; i < micros.length; i++) {
      // Log-normal-ish: most around a few ms, a long tail up to seconds.
      micros[i] = 1 + (long) Math.exp(7 + 1.5 * random.nextGaussian());
      histogram.recordNanos(micros[i] * 1000);
    }
    Arrays.sort(micros);

    for (double percentile : new double[] {50, 90, 99, 99.9}) {
      // The exact nearest-rank value; the neighbours bracket floating-point rounding of the rank.
      double rank = percentile / 100 * micros.length;
      double low = micros[Math.max(0, (int) Math.floor(rank) - 1)] / 1000.0;
      double high = micros[Math.min(micros.length - 1, (int) Math.ceil(rank))] / 1000.0;
      assertThat(histogram.percentileMillis(percentile))
          .as("p%s", percentile)
          .isBetween(low * (1 - 0.0002) - 0.001, high * (1 + 0.0002) + 0.001);
    }
    assertThat(histogram.percentileMillis(50)).isBetween(1.0, 1.2);
  }

  @Test
  void rounds_nanoseconds_to_the_nearest_microsecond_and_clamps_the_range() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.recordNanos(1_499);
    histogram.recordNanos(-5);
    histogram.recordNanos(TimeUnit.HOURS.toNanos(2));

    assertThat(histogram.percentileMillis(1)).isEqualTo(0.0);
    assertThat(histogram.percentileMillis(60)).isEqualTo(0.001);
    assertThat(histogram.maxMillis())
        .isCloseTo(LatencyHistogram.MAX_MICROS / 1000.0, within(LatencyHistogram.MAX_MICROS * 0.0002 / 1000));
  }

  @Test
  void merges_histograms_of_several_groups() {
    LatencyHistogram first = new LatencyHistogram();
    LatencyHistogram second = new LatencyHistogram();
    for (int micros = 1; micros <= 500; micros++) {
      first.recordNanos(micros * 1000L);
      second.recordNanos((micros + 500) * 1000L);
    }

    first.add(second);

    assertThat(first.count()).isEqualTo(1000);
    assertThat(first.percentileMillis(50)).isEqualTo(0.5);
    assertThat(first.maxMillis()).isEqualTo(1.0);
  }

  @Test
  void reports_zeros_when_nothing_was_recorded() {
    Percentiles summary = new LatencyHistogram().summary();

    assertThat(summary).isEqualTo(new Percentiles(0, 0, 0, 0, 0, 0));
  }
}
