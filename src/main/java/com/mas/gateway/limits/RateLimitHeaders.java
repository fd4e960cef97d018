package com.mas.gateway.limits;

import com.mas.gateway.limits.Decision.Quota;
import io.vertx.core.http.HttpServerResponse;

/**
 * The rate-limit response headers, named and formatted as OpenAI sends them:
 * {@code x-ratelimit-limit-requests}, {@code x-ratelimit-remaining-requests},
 * {@code x-ratelimit-reset-requests} and the same three for {@code -tokens}, each pair present
 * only when some scope limits that dimension. {@code remaining} is what may still be admitted
 * after this request; {@code reset} is the time until the oldest request counted in the window
 * leaves it, which is when {@code remaining} next grows (and, once it is 0, when the next
 * request fits). OpenAI defines reset as the time until the limit is back to its initial state,
 * which suits its refilling buckets; with a sliding window that would always read about a
 * minute, so the next moment of relief is reported instead. Resets are written the way OpenAI
 * (and Go's {@code time.Duration}) write them: {@code 12ms}, {@code 1s}, {@code 6m0s},
 * {@code 1m2.5s}. With limits in two scopes, each dimension reports the scope with the least
 * left.
 */
final class RateLimitHeaders {

  private RateLimitHeaders() {}

  static void write(HttpServerResponse response, Decision decision) {
    write(response, "requests", decision.requests());
    write(response, "tokens", decision.tokens());
  }

  private static void write(HttpServerResponse response, String dimension, Quota quota) {
    if (quota == null) {
      return;
    }
    response.putHeader("x-ratelimit-limit-" + dimension, Long.toString(quota.limit()))
        .putHeader("x-ratelimit-remaining-" + dimension, Long.toString(quota.remaining()))
        .putHeader("x-ratelimit-reset-" + dimension, duration(quota.resetMicros()));
  }

  /** {@code micros} rounded up to the millisecond, written like Go's {@code Duration.String}. */
  static String duration(long micros) {
    long millis = Math.max(0, (micros + 999) / 1000);
    if (millis == 0) {
      return "0s";
    }
    if (millis < 1000) {
      return millis + "ms";
    }
    long hours = millis / 3_600_000;
    long minutes = millis / 60_000 % 60;
    String seconds = seconds(millis % 60_000);
    if (hours > 0) {
      return hours + "h" + minutes + "m" + seconds;
    }
    return minutes > 0 ? minutes + "m" + seconds : seconds;
  }

  private static String seconds(long millis) {
    long whole = millis / 1000;
    long fraction = millis % 1000;
    if (fraction == 0) {
      return whole + "s";
    }
    String digits = String.format("%03d", fraction).replaceAll("0+$", "");
    return whole + "." + digits + "s";
  }

  /** {@code micros} as whole seconds for {@code retry-after}: rounded up, at least 1. */
  static long retryAfterSeconds(long micros) {
    return Math.max(1, (micros + 999_999) / 1_000_000);
  }
}
