package com.mas.gateway.loadgen;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link LoadReport} as the human-readable table {@code loadgen} prints by default. */
final class ReportTable {
  private ReportTable() {}

  static String render(LoadReport report) {
    StringBuilder out = new StringBuilder();
    line(out, "%s: POST %s  model=%s  stream=%s", report.label(), report.endpoint(),
        report.model(), report.stream());
    if (report.rate() > 0) {
      line(out, "  open loop at %.0f req/s, at most %d in flight, warmup %.1f s, measured %.1f s", report.rate(),
          report.concurrency(), report.warmupSeconds(), report.measuredSeconds());
    } else {
      line(out, "  concurrency %d, warmup %.1f s, measured %.1f s", report.concurrency(),
          report.warmupSeconds(), report.measuredSeconds());
    }
    line(out, "  %-14s %d  (%.2f req/s)", "requests", report.requests(), report.requestsPerSecond());
    line(out, "  %-14s %d", "ok", report.ok());
    line(out, "  %-14s %d  %s", "errors", report.errors(), nonZero(report.errorsByKind()));
    line(out, "  %-14s %s", "status codes", nonZero(report.statusCodes()));
    if (report.ttft() != null) {
      percentiles(out, "TTFT ms", report.ttft());
    }
    percentiles(out, "latency ms", report.latency());
    line(out, "  %-14s %d  (%.1f tokens/s)", "tokens", report.tokens(), report.tokensPerSecond());
    return out.toString();
  }

  private static void percentiles(StringBuilder out, String title, Percentiles p) {
    line(out, "  %-14s p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  mean %.2f  (n=%d)", title,
        p.p50(), p.p90(), p.p99(), p.max(), p.mean(), p.count());
  }

  private static String nonZero(Map<String, Long> counts) {
    String listed = counts.entrySet().stream()
        .filter(entry -> entry.getValue() > 0)
        .sorted(Map.Entry.comparingByKey())
        .map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(" "));
    return listed.isEmpty() ? "(none)" : listed;
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
