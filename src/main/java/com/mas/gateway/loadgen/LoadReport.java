package com.mas.gateway.loadgen;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The results of one run, as printed: counts over the measured window, latencies in
 * milliseconds. Built once the run has ended; immutable.
 *
 * @param ttft time to first token of successful streams; {@code null} for non-streaming runs
 * @param latency time to the last byte of successful exchanges
 */
record LoadReport(
    String label,
    String endpoint,
    String model,
    boolean stream,
    int concurrency,
    double rate,
    double warmupSeconds,
    double measuredSeconds,
    long requests,
    long errors,
    Map<String, Long> errorsByKind,
    Map<String, Long> statusCodes,
    Percentiles ttft,
    Percentiles latency,
    long tokens) {

  LoadReport {
    errorsByKind = Map.copyOf(errorsByKind);
    statusCodes = Map.copyOf(statusCodes);
  }

  static LoadReport of(LoadgenOptions options, RunWindow window, LoadStats stats) {
    return new LoadReport(options.label(), options.endpoint(), options.model(), options.stream(),
        options.concurrency(), options.rate(), window.warmupSeconds(), window.measuredSeconds(),
        stats.requests(), stats.errorCount(), stats.errorsByKind(), stats.statusCodes(),
        options.stream() ? stats.ttft().summary() : null, stats.latency().summary(),
        stats.tokens());
  }

  long ok() {
    return requests - errors;
  }

  double requestsPerSecond() {
    return requests / measuredSeconds;
  }

  double tokensPerSecond() {
    return tokens / measuredSeconds;
  }

  /** The report as one JSON object; milliseconds rounded to the microsecond. */
  JsonObject toJson() {
    return new JsonObject()
        .put("label", label)
        .put("url", endpoint)
        .put("model", model)
        .put("stream", stream)
        .put("concurrency", concurrency)
        .put("rate", rate)
        .put("warmupSec", round(warmupSeconds, 3))
        .put("durationSec", round(measuredSeconds, 3))
        .put("requests", requests)
        .put("ok", ok())
        .put("rps", round(requestsPerSecond(), 2))
        .put("errors", errors)
        .put("errorsByKind", sorted(errorsByKind))
        .put("statusCodes", sorted(statusCodes))
        .put("ttftMs", ttft == null ? null : json(ttft))
        .put("latencyMs", json(latency))
        .put("tokens", tokens)
        .put("tokensPerSec", round(tokensPerSecond(), 2));
  }

  private static JsonObject json(Percentiles percentiles) {
    return new JsonObject()
        .put("count", percentiles.count())
        .put("p50", round(percentiles.p50(), 3))
        .put("p90", round(percentiles.p90(), 3))
        .put("p99", round(percentiles.p99(), 3))
        .put("max", round(percentiles.max(), 3))
        .put("mean", round(percentiles.mean(), 3));
  }

  private static JsonObject sorted(Map<String, Long> counts) {
    JsonObject json = new JsonObject();
    counts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> json.put(entry.getKey(), entry.getValue()));
    return json;
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
