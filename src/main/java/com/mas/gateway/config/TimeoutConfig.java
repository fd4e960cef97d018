package com.mas.gateway.config;

import java.time.Duration;

/**
 * Upstream timeouts. {@code firstByte} runs from sending the request until the response headers
 * arrive; {@code idle} is the longest gap allowed between two body chunks of a response. Neither
 * bounds a whole stream: a long answer that keeps flowing never times out.
 */
public record TimeoutConfig(Duration connect, Duration firstByte, Duration idle) {

  private static final Duration DEFAULT_CONNECT = Duration.ofSeconds(5);
  private static final Duration DEFAULT_FIRST_BYTE = Duration.ofSeconds(60);
  private static final Duration DEFAULT_IDLE = Duration.ofSeconds(60);

  public static final TimeoutConfig DEFAULT = new TimeoutConfig(null, null, null);

  public TimeoutConfig {
    connect = positive(connect, DEFAULT_CONNECT, "connect");
    firstByte = positive(firstByte, DEFAULT_FIRST_BYTE, "firstByte");
    idle = positive(idle, DEFAULT_IDLE, "idle");
  }

  private static Duration positive(Duration value, Duration fallback, String field) {
    if (value == null) {
      return fallback;
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + ": must be positive, got " + value);
    }
    return value;
  }
}
