package com.mas.gateway.loadgen;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What one {@code loadgen} run does; built by {@link OptionParser}, which has checked every
 * value. Immutable.
 *
 * @param url base URL of an OpenAI-compatible API; requests go to {@code <url>/chat/completions}
 * @param key bearer token, or {@code null} to send no Authorization header
 * @param model the {@code model} field of every request
 * @param concurrency number of virtual users (and pooled connections); with a {@code rate}, the
 *     most requests in flight at once
 * @param rate requests per second sent open-loop, whatever the answers take; {@code 0} for
 *     closed-loop users that each send their next request when the last one ended
 * @param duration how long results are recorded, after the warmup
 * @param warmup how long the users run before results are recorded
 * @param grace how long requests in flight at the end may take before they are aborted
 * @param stream whether requests ask for an SSE stream
 * @param maxTokens the {@code max_tokens} field, or {@code 0} to leave it out
 * @param headers extra request headers, in order (they override the generator's own)
 * @param label a name for this run in the report
 * @param json print one JSON line instead of the table
 */
record LoadgenOptions(
    URI url,
    String key,
    String model,
    int concurrency,
    double rate,
    Duration duration,
    Duration warmup,
    Duration grace,
    boolean stream,
    int maxTokens,
    List<Header> headers,
    String label,
    boolean json) {

  /** One extra request header. */
  record Header(String name, String value) {}

  LoadgenOptions {
    headers = List.copyOf(headers);
  }

  /** The URL every request is POSTed to. */
  String endpoint() {
    String base = url.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions";
  }

  /** The latest a run can take: warmup, duration and grace. */
  Duration maxRunTime() {
    return warmup.plus(duration).plus(grace);
  }
}
