package com.mas.gateway.loadgen;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code loadgen} arguments: {@code --name value} or {@code --name=value}; {@code --json}
 * and {@code --help} take no value; {@code --header} may repeat; for other options the last one
 * wins. Every failure is an {@link InvalidOptionException} naming the option.
 */
final class OptionParser {
  static final int MAX_CONCURRENCY = 10_000;
  static final int MAX_RATE = 1_000_000;
  private static final Duration MAX_DURATION = Duration.ofHours(24);
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Set<String> FLAGS = Set.of("json", "help");

  private URI url = URI.create("http://127.0.0.1:8080/v1");
  private String key;
  private String model;
  private int concurrency = 200;
  private double rate;
  private Duration duration = Duration.ofSeconds(20);
  private Duration warmup = Duration.ofSeconds(5);
  private Duration grace = Duration.ofSeconds(60);
  private boolean stream = true;
  private int maxTokens;
  private final List<LoadgenOptions.Header> headers = new ArrayList<>();
  private String label = "loadgen";
  private boolean json;

  private OptionParser() {}

  /** Whether the arguments ask for the usage text (then nothing else is checked). */
  static boolean wantsHelp(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  static LoadgenOptions parse(String[] args) {
    OptionParser parser = new OptionParser();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new InvalidOptionException("unexpected argument '" + arg + "'");
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
      String value = equals < 0 ? null : arg.substring(equals + 1);
      if (!FLAGS.contains(name) && value == null) {
        if (i + 1 >= args.length) {
          throw new InvalidOptionException("--" + name + " needs a value");
        }
        value = args[++i];
      }
      parser.accept(name, value);
    }
    return parser.build();
  }

  private void accept(String name, String value) {
    switch (name) {
      case "url" -> url = url(value);
      case "key" -> key = nonBlank(name, value);
      case "model" -> model = nonBlank(name, value);
      case "concurrency" -> concurrency = integer(name, value, 1, MAX_CONCURRENCY);
      case "rate" -> rate = integer(name, value, 0, MAX_RATE);
      case "duration" -> duration = duration(name, value);
      case "warmup" -> warmup = duration(name, value);
      case "grace" -> grace = duration(name, value);
      case "stream" -> stream = bool(name, value);
      case "max-tokens" -> maxTokens = integer(name, value, 1, 1_000_000);
      case "header" -> headers.add(header(value));
      case "label" -> label = nonBlank(name, value);
      case "json" -> json = flag(name, value);
      case "help" -> flag(name, value);
      default -> throw new InvalidOptionException("unknown option '--" + name + "'");
    }
  }

  private LoadgenOptions build() {
    if (model == null) {
      throw new InvalidOptionException("--model is required (e.g. --model openai/sim-gpt)");
    }
    if (duration.isZero()) {
      throw new InvalidOptionException("--duration must be more than 0");
    }
    return new LoadgenOptions(url, key, model, concurrency, rate, duration, warmup, grace, stream,
        maxTokens, headers, label, json);
  }

  private static boolean flag(String name, String value) {
    if (value != null) {
      throw new InvalidOptionException("--" + name + " takes no value");
    }
    return true;
  }

  private static String nonBlank(String name, String value) {
    if (value.isBlank()) {
      throw new InvalidOptionException("--" + name + " must not be empty");
    }
    return value;
  }

  private static int integer(String name, String value, int min, int max) {
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw new InvalidOptionException(
        "--" + name + " must be an integer from " + min + " to " + max + ", got '" + value + "'");
  }

  private static boolean bool(String name, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidOptionException(
          "--" + name + " must be true or false, got '" + value + "'");
    };
  }

  /** A duration such as {@code 20s}, {@code 500ms}, {@code 1.5m}, {@code 1h}; bare numbers are seconds. */
  static Duration duration(String name, String value) {
    Matcher matcher = DURATION.matcher(value.trim());
    if (!matcher.matches()) {
      throw new InvalidOptionException(
          "--" + name + " must be a duration like 20s, 500ms or 2m, got '" + value + "'");
    }
    double amount = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    double millis = amount * switch (unit) {
      case "ms" -> 1;
      case "m" -> 60_000;
      case "h" -> 3_600_000;
      default -> 1_000;
    };
    if (millis > MAX_DURATION.toMillis()) {
      throw new InvalidOptionException("--" + name + " must be at most 24h, got '" + value + "'");
    }
    return Duration.ofMillis(Math.round(millis));
  }

  private static URI url(String value) {
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          && uri.getQuery() == null && uri.getFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new InvalidOptionException(
        "--url must be an http(s) base URL like http://127.0.0.1:8080/v1, got '" + value + "'");
  }

  private static LoadgenOptions.Header header(String value) {
    int colon = value.indexOf(':');
    String name = colon < 0 ? "" : value.substring(0, colon).trim();
    if (!HEADER_NAME.matcher(name).matches()) {
      throw new InvalidOptionException(
          "--header must look like name:value (e.g. x-sim-tps:50), got '" + value + "'");
    }
    return new LoadgenOptions.Header(name, value.substring(colon + 1).trim());
  }
}
