package com.mas.gateway.routing;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * How long an upstream asked to be left alone: {@code retry-after-ms} (OpenAI's SDKs read it
 * first), else {@code retry-after} as seconds or an HTTP date (RFC 9110 section 10.2.3).
 */
final class RetryAfter {

  /** What a 429 without a readable delay takes a target out for. */
  static final long DEFAULT_MILLIS = 1_000;

  /** The longest a rate limit takes a target out: a provider's day-long quota still gets a probe hourly. */
  static final long MAX_MILLIS = 3_600_000;

  private RetryAfter() {}

  /** The delay in ms, between 0 and {@link #MAX_MILLIS}; {@link #DEFAULT_MILLIS} when none is readable. */
  static long millis(Map<String, String> headers, long nowMillis) {
    Long millis = number(headers.get("retry-after-ms"), 1);
    if (millis == null) {
      String value = headers.get("retry-after");
      millis = number(value, 1_000);
      if (millis == null) {
        millis = date(value, nowMillis);
      }
    }
    return millis == null ? DEFAULT_MILLIS : Math.max(0, Math.min(MAX_MILLIS, millis));
  }

  private static Long number(String value, long unitMillis) {
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value.trim()).multiply(BigDecimal.valueOf(unitMillis)).longValue();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long date(String value, long nowMillis) {
    if (value == null) {
      return null;
    }
    try {
      ZonedDateTime date = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
      return date.toInstant().toEpochMilli() - nowMillis;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
