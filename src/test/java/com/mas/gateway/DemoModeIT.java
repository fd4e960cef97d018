package com.mas.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as a new user runs it: no config, no provider keys, no Redis. It starts in
 * demo mode, prints a generated key once, streams an answer, and on SIGTERM lets a running
 * stream finish and exits 0.
 */
class DemoModeIT {

  // HTTP/1.1 as agents' clients (httpx, OkHttp) use: JDK 17's HTTP/2 client fails streams in
  // flight on any GOAWAY (JDK-8335181), which would blame the gateway's graceful shutdown.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<String> output = new CopyOnWriteArrayList<>();
  private Process process;

  @AfterEach
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Test
  void demo_mode_streams_and_sigterm_drains_then_exits_zero() throws Exception {
    int port = freePort();
    int management = freePort();
    start(port, management);
    await().atMost(Duration.ofSeconds(60)).until(() -> status("http://127.0.0.1:" + management + "/health/ready") == 200);
    String key = generatedKey();

    HttpResponse<String> first = chat(port, key, "{\"model\":\"demo\",\"stream\":true,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}").get(30, TimeUnit.SECONDS);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("chat.completion.chunk").endsWith("data: [DONE]\n\n");

    CompletableFuture<HttpResponse<String>> running = chat(port, key, "{\"model\":\"demo\",\"stream\":true,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"Tell me more\"}]}", "x-sim-tokens", "40", "x-sim-tps", "20");
    Thread.sleep(500);
    process.toHandle().destroy(); // SIGTERM

    HttpResponse<String> drained = running.get(30, TimeUnit.SECONDS);
    assertThat(drained.body()).endsWith("data: [DONE]\n\n").doesNotContain("\"error\"");
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
  }

  private void start(int port, int management) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("gateway.jar", "target/mas-gateway.jar")).redirectErrorStream(true);
    Stream.of("OPENAI_API_KEY", "DEEPSEEK_API_KEY", "GATEWAY_API_KEY", "GATEWAY_CONFIG", "REDIS_URL")
        .forEach(builder.environment()::remove);
    builder.environment().put("GATEWAY_PORT", Integer.toString(port));
    builder.environment().put("GATEWAY_MANAGEMENT_PORT", Integer.toString(management));
    process = builder.start();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        lines.lines().forEach(output::add);
      } catch (IOException ignored) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
  }

  private String generatedKey() {
    Pattern pattern = Pattern.compile("\\b(mgw-[A-Za-z0-9_-]{20,})");
    return await().atMost(Duration.ofSeconds(10)).until(() -> output.stream().map(pattern::matcher)
        .filter(Matcher::find).map(m -> m.group(1)).findFirst().orElse(null), k -> k != null);
  }

  private CompletableFuture<HttpResponse<String>> chat(int port, String key, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
        .header("authorization", "Bearer " + key).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int status(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
