package com.mas.gateway.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text forms config accepts for numbers, durations, sizes and booleans. Every failure is
 * a {@link ConfigException} naming {@code path}, which is a YAML field path or an environment
 * variable.
 */
final class Scalars {

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h)");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,15})(B|KiB|MiB|GiB)?");

  private Scalars() {}

  /** A whole number within {@code [min, max]}. */
  static long integer(String text, String path, long min, long max) {
    if (!INTEGER.matcher(text.trim()).matches()) {
      throw new ConfigException(path, "expected a number, got " + quote(text));
    }
    return inRange(Long.parseLong(text.trim()), path, min, max);
  }

  /** Checks that {@code value} lies within {@code [min, max]}. */
  static long inRange(long value, String path, long min, long max) {
    if (value < min || value > max) {
      throw new ConfigException(path, "must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  /** A TCP port; 0 asks the system for a free one. */
  static int port(String text, String path) {
    return (int) integer(text, path, 0, 65_535);
  }

  /** A duration such as {@code 500ms}, {@code 30s}, {@code 2m} or {@code 1h}. */
  static Duration duration(String text, String path) {
    Matcher matcher = DURATION.matcher(text.trim());
    if (!matcher.matches()) {
      throw new ConfigException(path, "expected a duration like 30s, got " + quote(text));
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** A byte size such as {@code 4MiB}, {@code 512KiB} or a plain {@code 1048576}. */
  static long bytes(String text, String path) {
    Matcher matcher = SIZE.matcher(text.trim());
    if (!matcher.matches()) {
      throw new ConfigException(
          path, "expected a size like 4MiB, 512KiB or 1048576, got " + quote(text));
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "B" : matcher.group(2);
    int shift =
        switch (unit) {
          case "KiB" -> 10;
          case "MiB" -> 20;
          case "GiB" -> 30;
          default -> 0;
        };
    if (amount > (Long.MAX_VALUE >> shift)) {
      throw new ConfigException(path, "size too large, got " + quote(text));
    }
    return amount << shift;
  }

  /** {@code true} or {@code false}, in any case. */
  static boolean bool(String text, String path) {
    String trimmed = text.trim();
    if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(trimmed);
    }
    throw new ConfigException(path, "expected true or false, got " + quote(text));
  }

  /** The text in double quotes, as error messages show values. */
  static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
