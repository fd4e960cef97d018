package com.mas.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mas.gateway.config.ApiKeyHash;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's tenant features as an operator uses them: {@code hash-key} makes a key and
 * its hash, and a gateway started with {@code --config} picks up a rotated key from the file
 * without a restart.
 */
class TenantsIT {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Process gateway;

  @TempDir Path dir;

  @AfterEach
  void kill() {
    if (gateway != null && gateway.isAlive()) {
      gateway.destroyForcibly();
    }
  }

  @Test
  void hash_key_generates_a_key_and_hashes_one_from_stdin() throws Exception {
    List<String> generated = run("", "hash-key");
    assertThat(generated).hasSize(2);
    String key = generated.get(0).replaceFirst("^key: +", "");
    assertThat(key).matches("mgw-[A-Za-z0-9_-]{43}");
    assertThat(generated.get(1)).isEqualTo("keySha256: " + ApiKeyHash.sha256Hex(key));

    assertThat(run(key + "\n", "hash-key", "--stdin")).containsExactly(ApiKeyHash.sha256Hex(key));
  }

  @Test
  void a_gateway_started_from_a_file_reloads_rotated_keys() throws Exception {
    int port = freePort();
    int management = freePort();
    Path config = dir.resolve("gateway.yaml");
    write(config, port, management, "first-key");
    gateway = java("--config", config.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectErrorStream(true).start();
    await().atMost(Duration.ofSeconds(60)).until(() -> models(port, "first-key") == 200);

    write(config, port, management, "second-key");

    await().atMost(Duration.ofSeconds(10)).until(() -> models(port, "second-key") == 200);
    assertThat(models(port, "first-key")).isEqualTo(401);
  }

  private static void write(Path config, int port, int management, String key) throws IOException {
    // No request goes upstream: GET /v1/models is answered from config.
    String yaml = """
        server: {host: 127.0.0.1, port: %d, managementPort: %d, reloadInterval: 200ms}
        providers:
          openai: {type: openai, baseUrl: "http://127.0.0.1:9/v1", models: [gpt-4o-mini]}
        tenants:
          - id: ops
            keySha256: [%s]
        """.formatted(port, management, ApiKeyHash.sha256Hex(key));
    Path temp = config.resolveSibling("gateway.yaml.tmp");
    Files.writeString(temp, yaml);
    Files.move(temp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private int models(int port, String key) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/models"))
        .header("authorization", "Bearer " + key).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Runs the jar to completion and returns its standard output lines; it must exit 0. */
  private static List<String> run(String stdin, String... args) throws Exception {
    Process process = java(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    return new ArrayList<>(out.lines().toList());
  }

  private static ProcessBuilder java(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("gateway.jar", "target/mas-gateway.jar")));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Stream.of("OPENAI_API_KEY", "DEEPSEEK_API_KEY", "GATEWAY_API_KEY", "GATEWAY_CONFIG", "REDIS_URL")
        .forEach(builder.environment()::remove);
    return builder;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
