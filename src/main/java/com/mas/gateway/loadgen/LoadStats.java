package com.mas.gateway.loadgen;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counters and histograms of the measured exchanges of one user group. Not thread-safe: only
 * the group's event loop records into it; groups are merged with {@link #add} after they end.
 *
 * <p>Latency and TTFT come from successful exchanges only (a fast 500 would flatter them);
 * tokens count whatever arrived, failed streams included.
 */
final class LoadStats {
  // Index = status code; anything outside 0..999 is not HTTP and lands in slot 0.
  private final long[] statuses = new long[1000];
  private final long[] errors = new long[ErrorKind.values().length];
  private final LatencyHistogram ttft = new LatencyHistogram();
  private final LatencyHistogram latency = new LatencyHistogram();
  private long requests;
  private long tokens;

  void record(Exchange exchange) {
    requests++;
    tokens += exchange.tokens();
    int status = exchange.status();
    statuses[status > 0 && status < statuses.length ? status : 0]++;
    if (!exchange.succeeded()) {
      errors[exchange.error().ordinal()]++;
      return;
    }
    latency.recordNanos(exchange.endNanos() - exchange.startNanos());
    if (exchange.hasFirstToken()) {
      ttft.recordNanos(exchange.firstTokenNanos() - exchange.startNanos());
    }
  }

  void add(LoadStats other) {
    requests += other.requests;
    tokens += other.tokens;
    for (int i = 0; i < statuses.length; i++) {
      statuses[i] += other.statuses[i];
    }
    for (int i = 0; i < errors.length; i++) {
      errors[i] += other.errors[i];
    }
    ttft.add(other.ttft);
    latency.add(other.latency);
  }

  long requests() {
    return requests;
  }

  long tokens() {
    return tokens;
  }

  long errorCount() {
    long total = 0;
    for (long count : errors) {
      total += count;
    }
    return total;
  }

  /** Every error kind by its label, in declaration order, zeros included. */
  Map<String, Long> errorsByKind() {
    Map<String, Long> byKind = new LinkedHashMap<>();
    for (ErrorKind kind : ErrorKind.values()) {
      byKind.put(kind.label(), errors[kind.ordinal()]);
    }
    return byKind;
  }

  /** Responses by HTTP status, ascending, only statuses seen; exchanges without a status are left out. */
  Map<String, Long> statusCodes() {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (int status = 1; status < statuses.length; status++) {
      if (statuses[status] > 0) {
        byStatus.put(Integer.toString(status), statuses[status]);
      }
    }
    return byStatus;
  }

  LatencyHistogram ttft() {
    return ttft;
  }

  LatencyHistogram latency() {
    return latency;
  }
}
