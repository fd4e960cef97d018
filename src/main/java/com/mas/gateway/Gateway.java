package com.mas.gateway;

import com.mas.gateway.admin.AdminVerticle;
import com.mas.gateway.admin.Lifecycle;
import com.mas.gateway.api.GatewayMetrics;
import com.mas.gateway.api.GatewayVerticle;
import com.mas.gateway.auth.TenantRegistry;
import com.mas.gateway.auth.TenantReloader;
import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.limits.RateLimiter;
import com.mas.gateway.provider.ProviderRegistry;
import com.mas.gateway.provider.ProviderVerticle;
import com.mas.gateway.resilience.AttemptGuard;
import com.mas.gateway.routing.RouterVerticle;
import com.mas.gateway.state.SharedState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A running gateway: the verticles deployed from one configuration, and the handle to drain and
 * stop them. Used by {@link Main} and by the end-to-end tests alike.
 */
public final class Gateway {

  private final Vertx vertx;
  private final GatewayConfig config;
  private final GatewayMetrics metrics;
  private final SharedState state;
  private final TenantRegistry tenants;
  private final RateLimiter limiter;
  private final AttemptGuard guard = AttemptGuard.NONE;
  private final RouterVerticle router;
  private final Lifecycle lifecycle = new Lifecycle();
  private final List<GatewayVerticle> gateways = new CopyOnWriteArrayList<>();
  private final List<String> deployments = new CopyOnWriteArrayList<>();
  private int port;
  private AdminVerticle admin;
  private volatile TenantReloader reloader;

  private Gateway(Vertx vertx, GatewayConfig config, MeterRegistry registry) {
    this.vertx = vertx;
    this.config = config;
    this.metrics = new GatewayMetrics(registry);
    this.state = SharedState.create(vertx, config.redis());
    this.tenants = new TenantRegistry(config.tenants());
    this.limiter = RateLimiter.create(vertx, state, registry);
    this.router = new RouterVerticle(config, guard, registry);
  }

  /**
   * Deploys providers, one gateway verticle per {@code instances}, and the management port.
   * Completes when every server listens and the instance is ready.
   */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, MeterRegistry registry, int instances) {
    Gateway gateway = new Gateway(vertx, config, registry);
    return gateway.deploy(Math.max(1, instances), registry).map(gateway);
  }

  private Future<Void> deploy(int instances, MeterRegistry registry) {
    ProviderRegistry providers = new ProviderRegistry();
    port = config.server().port() == 0 ? freePort() : config.server().port();
    GatewayConfig bound = withPort(port);
    PrometheusMeterRegistry prometheus = registry instanceof PrometheusMeterRegistry p ? p : null;
    admin = new AdminVerticle(config.server().host(), config.server().managementPort(), lifecycle, prometheus);
    return Future.all(config.providers().values().stream().map(p -> deployProvider(p, providers)).toList())
        .compose(v -> record(vertx.deployVerticle(router)))
        .compose(v -> record(vertx.deployVerticle(
            () -> track(new GatewayVerticle(bound, providers, metrics, state, tenants, limiter, router, guard)),
            new DeploymentOptions().setInstances(instances))))
        .compose(v -> record(vertx.deployVerticle(admin)))
        .onSuccess(v -> lifecycle.markReady())
        .mapEmpty();
  }

  private Future<String> deployProvider(ProviderConfig provider, ProviderRegistry providers) {
    return record(vertx.deployVerticle(new ProviderVerticle(provider, providers)));
  }

  private Future<String> record(Future<String> deployment) {
    return deployment.onSuccess(deployments::add);
  }

  private GatewayVerticle track(GatewayVerticle verticle) {
    gateways.add(verticle);
    return verticle;
  }

  /**
   * Stops taking new requests (readiness turns false and the data port stops accepting) and lets
   * requests in flight finish for up to {@code grace}. Completes when they have, or grace ran out.
   */
  public Future<Void> drain(Duration grace) {
    lifecycle.markDraining();
    return Future.join(gateways.stream().map(g -> g.shutdown(grace)).toList()).mapEmpty();
  }

  /**
   * Reloads tenants and keys from {@code file} (the file this gateway's configuration came from)
   * whenever it changes, polling every {@code server.reloadInterval}; see {@link TenantReloader}.
   * Completes when polling has started; {@link #close} stops it.
   */
  public Future<TenantReloader> watch(Path file, Map<String, String> env) {
    TenantReloader watcher = new TenantReloader(vertx, file, env, config, tenants, metrics.registry());
    if (reloader != null) {
      reloader.stop();
    }
    reloader = watcher;
    return watcher.start(config.server().reloadInterval()).map(watcher);
  }

  /** The tenants in force (replaced by a reload). */
  public TenantRegistry tenants() {
    return tenants;
  }

  /** Undeploys everything this gateway deployed. */
  public Future<Void> close() {
    if (reloader != null) {
      reloader.stop();
    }
    List<String> ids = List.copyOf(deployments);
    deployments.clear();
    return Future.join(ids.stream().map(vertx::undeploy).toList()).compose(v -> limiter.close()).compose(v -> state.close());
  }

  public int port() {
    return port;
  }

  public int managementPort() {
    return admin.actualPort();
  }

  /** Routing: its snapshot, scores and operator overrides. */
  public RouterVerticle router() {
    return router;
  }

  public GatewayMetrics metrics() {
    return metrics;
  }

  public Lifecycle lifecycle() {
    return lifecycle;
  }

  public GatewayConfig config() {
    return config;
  }

  private GatewayConfig withPort(int boundPort) {
    return config.withServer(config.server().withPorts(boundPort, config.server().managementPort()));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
