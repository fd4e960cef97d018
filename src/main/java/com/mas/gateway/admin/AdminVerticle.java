package com.mas.gateway.admin;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.micrometer.PrometheusScrapingHandler;

/**
 * The management port: liveness, readiness, Prometheus metrics and the {@link AdminApi} under
 * {@code /admin}. Kept off the data port so an ingress never exposes it.
 */
public final class AdminVerticle extends VerticleBase {

  private final String host;
  private final int port;
  private final Lifecycle lifecycle;
  private final PrometheusMeterRegistry prometheus;
  private final AdminApi api;
  private HttpServer server;

  /** Without the admin API (health and metrics only). */
  public AdminVerticle(String host, int port, Lifecycle lifecycle, PrometheusMeterRegistry prometheus) {
    this(host, port, lifecycle, prometheus, null);
  }

  /** {@code api} may be null: then {@code /admin} is not served. */
  public AdminVerticle(String host, int port, Lifecycle lifecycle, PrometheusMeterRegistry prometheus, AdminApi api) {
    this.host = host;
    this.port = port;
    this.lifecycle = lifecycle;
    this.prometheus = prometheus;
    this.api = api;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health/live").handler(ctx -> json(ctx, 200, "UP"));
    router.get("/health/ready").handler(this::readiness);
    if (prometheus != null) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create(prometheus));
    }
    if (api != null) {
      router.route("/admin/*").subRouter(api.router(vertx));
    }
    server = vertx.createHttpServer().requestHandler(router);
    return server.listen(port, host);
  }

  /** The port actually bound (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }

  private void readiness(RoutingContext context) {
    Lifecycle.Phase phase = lifecycle.phase();
    json(context, lifecycle.ready() ? 200 : 503, phase.name());
  }

  private static void json(RoutingContext context, int status, String state) {
    context.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(new JsonObject().put("status", state).encode());
  }
}
