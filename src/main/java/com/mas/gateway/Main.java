package com.mas.gateway;

import com.mas.gateway.auth.HashKeyCommand;
import com.mas.gateway.config.ConfigException;
import com.mas.gateway.config.ConfigLoader;
import com.mas.gateway.config.LoadedConfig;
import com.mas.gateway.config.NetworkTransport;
import com.mas.gateway.loadgen.LoadgenCommand;
import com.mas.gateway.simulator.Simulator;
import com.mas.gateway.simulator.SimulatorCommand;
import com.mas.gateway.simulator.SimulatorOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point. {@code java -jar mas-gateway.jar [--config FILE]} runs the gateway (demo mode with
 * the built-in simulator when no provider key is configured); {@code simulate} runs the upstream
 * simulator alone; {@code loadgen} runs the load generator; {@code hash-key} generates a tenant
 * key, or hashes one, for {@code tenants[].keySha256}.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    String verb = args.length > 0 ? args[0] : "";
    String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
    switch (verb) {
      case "simulate" -> exitWith(SimulatorCommand.run(rest));
      case "loadgen" -> exitWith(LoadgenCommand.run(rest));
      case "hash-key" -> exitWith(HashKeyCommand.run(rest));
      case "help", "--help", "-h" -> System.out.println(usage());
      default -> runGateway(args, System.getenv());
    }
  }

  private static void runGateway(String[] args, Map<String, String> env) {
    LoadedConfig loaded;
    boolean nativeTransport;
    try {
      loaded = ConfigLoader.resolve(args, env);
      nativeTransport = NetworkTransport.preferNative(env);
    } catch (ConfigException e) {
      System.err.println("configuration error: " + e.getMessage());
      exitWith(2);
      return;
    }
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Netty's epoll unless GATEWAY_TRANSPORT=nio: less CPU per relayed event; at 200 streams it
    // added 0.19-0.22 ms to the first token in three runs, NIO 0.19-0.32 ms in five (README).
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setEventLoopPoolSize(cores).setPreferNativeTransport(nativeTransport)
            .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    Optional<Path> file = ConfigLoader.configFile(args, env);
    withUpstream(vertx, loaded, env)
        .compose(config -> Gateway.start(vertx, config.config(), registry, cores).map(g -> announce(g, config, vertx)))
        .compose(gateway -> watch(gateway, file, env))
        .onSuccess(gateway -> ShutdownSignals.install(gateway, vertx))
        .onFailure(failure -> {
          LOG.error("the gateway failed to start: {}", failure.getMessage(), failure);
          exitWith(1);
        });
  }

  /** The configuration to run: as loaded, or demo mode on an in-process simulator. */
  private static Future<LoadedConfig> withUpstream(Vertx vertx, LoadedConfig loaded, Map<String, String> env) {
    if (loaded.hasProviders()) {
      return Future.succeededFuture(loaded);
    }
    return Simulator.start(vertx, SimulatorOptions.defaults())
        .map(simulator -> ConfigLoader.demo(simulator.port(), env));
  }

  /** Tenants and keys reload when the file the gateway was started from changes (not in demo mode). */
  private static Future<Gateway> watch(Gateway gateway, Optional<Path> file, Map<String, String> env) {
    if (file.isEmpty() || gateway.config().demo()) {
      return Future.succeededFuture(gateway);
    }
    LOG.info("watching {} every {} s: tenants and keys reload when it changes", file.get(),
        gateway.config().server().reloadInterval().toMillis() / 1000.0);
    return gateway.watch(file.get(), env).map(gateway);
  }

  private static Gateway announce(Gateway gateway, LoadedConfig loaded, Vertx vertx) {
    loaded.warnings().forEach(w -> LOG.warn(w));
    String base = "http://127.0.0.1:" + gateway.port() + "/v1";
    if (gateway.config().demo()) {
      LOG.info("demo mode: no provider key configured, answering from the built-in simulator (models: demo, demo-fast, demo-claude, demo-gemini)");
    }
    LOG.info("MAS Gateway listening: API {} , management http://127.0.0.1:{} ({} transport)", base,
        gateway.managementPort(), vertx.isNativeTransportEnabled() ? "native" : "NIO");
    loaded.generatedTenantKey().ifPresent(key -> System.out.println(
        "Generated API key for tenant 'default' (shown once; set GATEWAY_API_KEY to choose your own):\n  " + key));
    return gateway;
  }

  private static String usage() {
    return String.join("\n",
        "usage: java -jar mas-gateway.jar [--config FILE]   run the gateway (GATEWAY_CONFIG also works)",
        "       java -jar mas-gateway.jar simulate [--port 8090] ...   run the upstream simulator",
        "       java -jar mas-gateway.jar loadgen --url URL ...        run the load generator",
        "       java -jar mas-gateway.jar hash-key [--stdin | KEY]     generate a tenant key, or hash one");
  }

  static void exitWith(int code) {
    System.out.flush();
    System.exit(code);
  }
}
