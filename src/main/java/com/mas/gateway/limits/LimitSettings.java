package com.mas.gateway.limits;

import java.time.Duration;

/**
 * Timing of the rate limiters. Production uses {@link #DEFAULT}; tests shorten the values to
 * observe expiry without waiting minutes.
 *
 * @param window the length of the sliding window: one minute, since limits are per minute
 * @param leaseTtl how long a concurrency lease lives without renewal; a crashed instance's
 *     streams stop counting after at most this long
 * @param renewEvery how often an instance renews the leases of its running streams (well under
 *     {@code leaseTtl}, so one failed renewal does not lose a lease)
 * @param commandTimeout how long a check may wait for Redis before Redis counts as down
 * @param retryEvery while Redis is down, how often one request tries it again (the others go
 *     straight to the fallback, so an outage adds no latency)
 */
record LimitSettings(Duration window, Duration leaseTtl, Duration renewEvery, Duration commandTimeout,
    Duration retryEvery) {

  static final LimitSettings DEFAULT = new LimitSettings(Duration.ofMinutes(1), Duration.ofSeconds(30),
      Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(1));

  LimitSettings {
    if (renewEvery.compareTo(leaseTtl) >= 0) {
      throw new IllegalArgumentException("leases must be renewed more often than they expire");
    }
  }

  long windowMicros() {
    return window.toNanos() / 1000;
  }

  long leaseTtlMicros() {
    return leaseTtl.toNanos() / 1000;
  }
}
