package com.mas.gateway.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {
  private static final LoadReport STREAM = new LoadReport("gateway-stream",
      "http://127.0.0.1:18080/v1/chat/completions", "openai/sim-gpt", true, 200, 0, 5, 20,
      4000, 3, Map.of("http_status", 2L, "missing_done", 1L, "connection", 0L),
      Map.of("200", 3998L, "503", 2L),
      new Percentiles(3997, 20.3456, 20.9, 22.0049, 40.5, 20.5),
      new Percentiles(3997, 25.1, 26.0, 28.75, 60.0, 25.2), 255_808);

  @Test
  void json_carries_rates_percentiles_and_counts() {
    JsonObject json = new JsonObject(STREAM.toJson().encode());

    assertThat(json.getLong("requests")).isEqualTo(4000);
    assertThat(json.getLong("ok")).isEqualTo(3997);
    assertThat(json.getDouble("rps")).isEqualTo(200.0);
    assertThat(json.getDouble("tokensPerSec")).isEqualTo(12_790.4);
    assertThat(json.getJsonObject("ttftMs").getDouble("p50")).isEqualTo(20.346);
    assertThat(json.getJsonObject("ttftMs").getDouble("p99")).isEqualTo(22.005);
    assertThat(json.getJsonObject("errorsByKind").getLong("missing_done")).isEqualTo(1);
    assertThat(json.getJsonObject("statusCodes").getLong("503")).isEqualTo(2);
  }

  @Test
  void json_has_null_ttft_for_non_streaming_runs() {
    LoadReport json = new LoadReport("direct-json", "http://127.0.0.1:18090/v1/chat/completions",
        "sim-gpt", false, 4, 250, 0, 2, 10, 0, Map.of(), Map.of("200", 10L), null,
        new Percentiles(10, 1, 2, 3, 4, 2), 640);

    assertThat(json.toJson().containsKey("ttftMs")).isTrue();
    assertThat(json.toJson().getValue("ttftMs")).isNull();
    assertThat(json.toJson().getDouble("rate")).isEqualTo(250.0);
    assertThat(ReportTable.render(json)).contains("open loop at 250 req/s, at most 4 in flight");
  }

  @Test
  void table_shows_hundredths_of_milliseconds_and_only_errors_that_happened() {
    String table = ReportTable.render(STREAM);

    assertThat(table)
        .startsWith("gateway-stream: POST http://127.0.0.1:18080/v1/chat/completions")
        .contains("requests       4000  (200.00 req/s)")
        .contains("errors         3  http_status=2 missing_done=1\n")
        .contains("status codes   200=3998 503=2")
        .contains("TTFT ms        p50 20.35  p90 20.90  p99 22.00  max 40.50")
        .contains("latency ms     p50 25.10")
        .contains("tokens         255808  (12790.4 tokens/s)")
        .doesNotContain("connection=");
  }
}
