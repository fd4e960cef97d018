package com.mas.gateway.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End to end over loopback: the real command against a stub server started here. */
class LoadGeneratorTest {
  private Vertx vertx;
  private ChatServerStub server;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
    server = new ChatServerStub(vertx);
  }

  @AfterEach
  void stopVertx() {
    vertx.close().await();
  }

  @Test
  void measures_ttft_latency_and_tokens_of_healthy_streams() {
    server.start(ChatServerStub.streamAfter5ms(vertx));

    Run run = loadgen("--url", server.baseUrl(), "--key", "k-123", "--model", "sim-gpt",
        "--concurrency", "4", "--warmup", "500ms", "--duration", "2s", "--max-tokens", "3",
        "--header", "x-sim-tps:50", "--label", "stub", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonObject report = run.report();
    long requests = report.getLong("requests");
    assertThat(requests).isPositive();
    assertThat(report.getLong("errors")).isZero();
    assertThat(report.getLong("ok")).isEqualTo(requests);
    assertThat(counts(report, "statusCodes")).containsOnly(Map.entry("200", requests));
    assertThat(report.getJsonObject("ttftMs").getDouble("p50")).isGreaterThanOrEqualTo(5.0);
    assertThat(report.getJsonObject("ttftMs").getLong("count")).isEqualTo(requests);
    assertThat(report.getJsonObject("latencyMs").getDouble("p99")).isLessThan(1000.0);
    assertThat(report.getLong("tokens")).isEqualTo(3 * requests);
    assertThat(report.getDouble("rps")).isCloseTo(requests / 2.0, within(0.01));
    assertThat(report.getString("label")).isEqualTo("stub");
  }

  @Test
  void sends_the_configured_request_to_the_given_url() {
    server.start(ChatServerStub.streamAfter5ms(vertx));

    Run run = loadgen("--url", server.baseUrl() + "/", "--key", "k-123", "--model", "sim-gpt",
        "--concurrency", "1", "--warmup", "0s", "--duration", "2s", "--max-tokens", "3",
        "--header", "x-sim-tps:50", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(server.lastPath.get()).isEqualTo("/v1/chat/completions");
    assertThat(server.lastHeaders.get().get("authorization")).isEqualTo("Bearer k-123");
    assertThat(server.lastHeaders.get().get("x-sim-tps")).isEqualTo("50");
    assertThat(server.lastHeaders.get().get("accept")).isEqualTo("text/event-stream");
    assertThat(server.lastBody.get()).isEqualTo(new JsonObject()
        .put("model", "sim-gpt")
        .put("messages", new JsonArray().add(new JsonObject()
            .put("role", "user").put("content", RequestTemplate.PROMPT)))
        .put("stream", true)
        .put("max_tokens", 3));
  }

  @Test
  void sends_at_the_given_rate_whatever_the_answers_take() {
    // Answers take 50 ms; the rate sets the pace, not the answers (closed loop: 400 a second).
    server.start(response -> vertx.setTimer(50, id -> ChatServerStub.completion(7).handle(response)));

    JsonObject report = quickRun(server.baseUrl(), "--concurrency", "20", "--stream", "false",
        "--rate", "200").report();

    assertThat(report.getDouble("rps")).isCloseTo(200.0, within(20.0));
    assertThat(report.getLong("errors")).isZero();
    assertThat(report.getJsonObject("latencyMs").getDouble("p50")).isBetween(50.0, 200.0);
  }

  @Test
  void counts_a_server_answering_500_as_errors() {
    server.start(ChatServerStub.status500());

    JsonObject report = quickRun(server.baseUrl(), "--concurrency", "4").report();

    long requests = report.getLong("requests");
    assertThat(requests).isPositive();
    assertThat(report.getLong("errors")).isEqualTo(requests);
    assertThat(report.getLong("ok")).isZero();
    assertThat(report.getJsonObject("errorsByKind").getLong("http_status")).isEqualTo(requests);
    assertThat(counts(report, "statusCodes")).containsOnly(Map.entry("500", requests));
    assertThat(report.getJsonObject("ttftMs").getLong("count")).isZero();
  }

  @Test
  void counts_sse_error_events_and_streams_without_done() {
    server.start(response -> {
      ChatServerStub.startStream(response).write(ChatServerStub.content("partial"));
      boolean errorEvent = server.requests.get() % 2 == 0;
      response.end(errorEvent ? "data: {\"error\":{\"message\":\"cut\",\"type\":\"server_error\"}}\n\n" : "");
    });

    JsonObject report = quickRun(server.baseUrl(), "--concurrency", "2").report();

    JsonObject byKind = report.getJsonObject("errorsByKind");
    assertThat(report.getLong("requests")).isPositive();
    assertThat(report.getLong("errors")).isEqualTo(report.getLong("requests"));
    assertThat(byKind.getLong("sse_error")).isPositive();
    assertThat(byKind.getLong("missing_done")).isPositive();
    assertThat(byKind.getLong("sse_error") + byKind.getLong("missing_done"))
        .isEqualTo(report.getLong("requests"));
  }

  @Test
  void measures_latency_and_usage_tokens_of_non_streaming_completions() {
    server.start(ChatServerStub.completion(7));

    JsonObject report = quickRun(server.baseUrl(), "--concurrency", "4", "--stream", "false").report();

    long requests = report.getLong("requests");
    assertThat(requests).isPositive();
    assertThat(report.getLong("errors")).isZero();
    assertThat(report.getValue("ttftMs")).isNull();
    assertThat(report.getJsonObject("latencyMs").getLong("count")).isEqualTo(requests);
    assertThat(report.getLong("tokens")).isEqualTo(7 * requests);
    assertThat(server.lastHeaders.get().get("accept")).isEqualTo("application/json");
    assertThat(server.lastBody.get().getBoolean("stream")).isFalse();
  }

  @Test
  void counts_connection_errors_when_nothing_listens() {
    server.start(ChatServerStub.completion(1));
    String deadUrl = server.baseUrl();
    server.close();

    JsonObject report = quickRun(deadUrl, "--concurrency", "2").report();

    assertThat(report.getLong("requests")).isPositive();
    assertThat(report.getJsonObject("errorsByKind").getLong("connection"))
        .isEqualTo(report.getLong("requests"));
    assertThat(report.getJsonObject("statusCodes").getMap()).isEmpty();
  }

  @Test
  void aborts_requests_still_in_flight_at_the_hard_stop() {
    List<HttpServerResponse> stalled = new ArrayList<>();
    server.start(response -> {
      ChatServerStub.startStream(response).write(ChatServerStub.ROLE_EVENT);
      stalled.add(response);
    });
    long started = System.nanoTime();

    Run run = loadgen("--url", server.baseUrl(), "--model", "m", "--concurrency", "3",
        "--warmup", "0s", "--duration", "300ms", "--grace", "500ms", "--json");

    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("no request completed in the measured window");
    assertThat(run.report().getLong("requests")).isZero();
    assertThat(seconds).isBetween(0.8, 5.0);
    assertThat(server.requests.get()).isEqualTo(3);
  }

  /**
   * Runs 2 s without warmup. Long enough that a cold JVM (the first test of a run loads the
   * whole HTTP client and server on a busy 2-core machine) still completes requests in it.
   */
  private Run quickRun(String url, String... extra) {
    List<String> args = new ArrayList<>(List.of("--url", url, "--model", "sim-gpt",
        "--warmup", "0s", "--duration", "2s", "--json"));
    args.addAll(List.of(extra));
    Run run = loadgen(args.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    return run;
  }

  private static Run loadgen(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = LoadgenCommand.run(args, print(out), print(err));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static Map<String, Long> counts(JsonObject report, String field) {
    JsonObject counts = report.getJsonObject(field);
    Map<String, Long> byKey = new HashMap<>();
    counts.fieldNames().forEach(key -> byKey.put(key, counts.getLong(key)));
    return byKey;
  }

  private record Run(int code, String out, String err) {
    JsonObject report() {
      return new JsonObject(out.strip());
    }
  }
}
