package com.mas.gateway.auth;

import com.mas.gateway.Gateway;
import com.mas.gateway.config.ConfigLoader;
import com.mas.gateway.simulator.Simulator;
import com.mas.gateway.simulator.SimulatorOptions;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.GatewayClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * A gateway started from a real YAML file, in front of the built-in simulator (each on its own
 * Vert.x instance), with providers {@code openai} (models {@code sim-gpt}, {@code sim-fast}) and
 * {@code anthropic} ({@code sim-claude}), aliases {@code mas-fast} (openai/sim-fast) and {@code
 * mas-claude} (anthropic/sim-claude), and the tenants the test writes.
 */
final class TenantGateway implements AutoCloseable {

  final Vertx upstreamVertx = Vertx.vertx();
  final Vertx gatewayVertx = Vertx.vertx();
  final Simulator simulator;
  final Path file;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final Gateway gateway;
  final GatewayClient client;
  private final String interval;

  /** Starts from {@code tenantsYaml} (the body of the tenants section), reloading every {@code interval}. */
  TenantGateway(Path dir, String interval, String tenantsYaml) {
    this.interval = interval;
    simulator = Await.result(Simulator.start(upstreamVertx, SimulatorOptions.defaults()));
    file = dir.resolve("gateway.yaml");
    write(interval, tenantsYaml);
    gateway = Await.result(Gateway.start(gatewayVertx, ConfigLoader.load(file, Map.of()).config(), meters, 2));
    client = new GatewayClient(gatewayVertx, gateway.port());
  }

  TenantGateway(Path dir, String tenantsYaml) {
    this(dir, "1h", tenantsYaml);
  }

  /** Replaces the file in one rename, as a deployment tool (or a Kubernetes ConfigMap) does. */
  void rewrite(String tenantsYaml) {
    write(interval, tenantsYaml);
  }

  void write(String reloadInterval, String tenantsYaml) {
    writeRaw(yaml(reloadInterval, tenantsYaml));
  }

  void writeRaw(String content) {
    try {
      Path temp = file.resolveSibling("gateway.yaml.tmp");
      Files.writeString(temp, content);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String yaml(String reloadInterval, String tenantsYaml) {
    String base = "http://127.0.0.1:" + simulator.port();
    return """
        server: {host: 127.0.0.1, port: 0, managementPort: 0, reloadInterval: %s}
        providers:
          openai: {type: openai, baseUrl: "%s/v1", apiKey: sk-sim, models: [sim-gpt, sim-fast], forwardHeaders: ["x-sim-*"]}
          anthropic: {type: anthropic, baseUrl: "%s", apiKey: sk-sim, models: [sim-claude], forwardHeaders: ["x-sim-*"]}
        models:
          - {name: mas-fast, provider: openai, upstreamModel: sim-fast}
          - {name: mas-claude, provider: anthropic, upstreamModel: sim-claude}
        tenants:
        %s
        """.formatted(reloadInterval, base, base, tenantsYaml.stripIndent().indent(2));
  }

  /** A chat request for {@code model} with the given headers (no key unless they carry one). */
  ClientResponse chat(String model, Map<String, String> headers) {
    String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
    MultiMap all = MultiMap.caseInsensitiveMultiMap().add("content-type", "application/json").addAll(headers);
    return Await.result(client.send(HttpMethod.POST, "/v1/chat/completions", all, Buffer.buffer(body)));
  }

  ClientResponse chat(String model, String key) {
    return chat(model, bearer(key));
  }

  ClientResponse models(Map<String, String> headers) {
    MultiMap all = MultiMap.caseInsensitiveMultiMap().addAll(headers);
    return Await.result(client.send(HttpMethod.GET, "/v1/models", all, Buffer.buffer()));
  }

  /** The model ids {@code GET /v1/models} lists for {@code key}. */
  List<String> modelIds(Map<String, String> headers) {
    ClientResponse response = models(headers);
    if (response.status() != 200) {
      throw new AssertionError("GET /v1/models: " + response.status() + " " + response.body());
    }
    return response.json().getJsonArray("data").stream()
        .map(entry -> ((io.vertx.core.json.JsonObject) entry).getString("id")).toList();
  }

  /** Starts reloading from the file; see {@link Gateway#watch}. */
  TenantReloader watch() {
    return Await.result(gateway.watch(file, Map.of()));
  }

  String yamlWithoutTenants() {
    return yaml(interval, "").replaceFirst("tenants:\\s*$", "");
  }

  static Map<String, String> bearer(String key) {
    return Map.of("authorization", "Bearer " + key);
  }

  double reloads(String result) {
    var counter = meters.find(TenantReloader.RELOADS).tag(TenantReloader.TAG_RESULT, result).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    Await.result(gatewayVertx.close());
    Await.result(upstreamVertx.close());
  }
}
