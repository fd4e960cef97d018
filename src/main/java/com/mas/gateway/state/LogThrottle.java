package com.mas.gateway.state;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a repeated log line through at most once per interval, so an outage that fails every
 * request writes a line now and then, not one per request. Thread-safe.
 */
public final class LogThrottle {

  private final long intervalNanos;
  private final AtomicLong next;

  public LogThrottle(Duration interval) {
    this.intervalNanos = interval.toNanos();
    this.next = new AtomicLong(System.nanoTime());
  }

  /** True when the caller may log now; then nobody may until the interval has passed. */
  public boolean allow() {
    long now = System.nanoTime();
    long due = next.get();
    return now - due >= 0 && next.compareAndSet(due, now + intervalNanos);
  }
}
