package com.mas.gateway.api;

import com.mas.gateway.auth.ApiKeyAuthStage;
import com.mas.gateway.auth.ModelPermissionStage;
import com.mas.gateway.auth.TenantRegistry;
import com.mas.gateway.chat.ChatRequestParser;
import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.cost.BudgetStage;
import com.mas.gateway.cost.Budgets;
import com.mas.gateway.cost.UsageReport;
import com.mas.gateway.language.Languages;
import com.mas.gateway.language.ScriptStage;
import com.mas.gateway.limits.RateLimitStage;
import com.mas.gateway.limits.RateLimiter;
import com.mas.gateway.provider.Provider;
import com.mas.gateway.provider.ProviderRegistry;
import com.mas.gateway.resilience.AttemptGuard;
import com.mas.gateway.routing.ModelCatalog;
import com.mas.gateway.routing.RouteTable;
import com.mas.gateway.routing.RouterVerticle;
import com.mas.gateway.state.SharedState;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The public OpenAI-compatible API. One instance per event loop; each has its own provider
 * clients, so a request stays on the loop that accepted it from first byte to last token. The
 * lifecycle of a chat request reads top to bottom in {@link #chat(RoutingContext)}.
 */
public final class GatewayVerticle extends VerticleBase {

  private final GatewayConfig config;
  private final ProviderRegistry registry;
  private final GatewayMetrics metrics;
  private final SharedState state;
  private final TenantRegistry tenants;
  private final RateLimiter limiter;
  private final RouterVerticle routing;
  private final AttemptGuard guard;
  private HttpServer server;
  private Map<String, Provider> providers;
  private ApiKeyAuthStage auth;
  private Pipeline pipeline;
  private Dispatcher dispatcher;
  private UsageReport usage;

  /**
   * {@code tenants}, {@code limiter}, {@code router} and {@code guard} are shared by every instance
   * (a reload or a new routing snapshot reaches all at once).
   */
  public GatewayVerticle(GatewayConfig config, ProviderRegistry registry, GatewayMetrics metrics, SharedState state,
      TenantRegistry tenants, RateLimiter limiter, RouterVerticle router, AttemptGuard guard) {
    this.config = config;
    this.registry = registry;
    this.metrics = metrics;
    this.state = state;
    this.tenants = tenants;
    this.limiter = limiter;
    this.routing = router;
    this.guard = guard; // the failover dispatcher's breakers
  }

  @Override
  public Future<?> start() {
    providers = registry.bind(vertx);
    ModelCatalog catalog = routing.routes().catalog();
    auth = new ApiKeyAuthStage(tenants);
    Budgets budgets = state.component("budgets",
        () -> Budgets.create(vertx, state, config.pricing(), metrics.registry()));
    usage = new UsageReport(budgets);
    pipeline = new Pipeline(List.of(
        auth,
        new ParseStage(new ChatRequestParser()),
        Languages.shared().stage(metrics.registry()),
        new ResolveStage(routing::routes),
        new ModelPermissionStage(),
        new ScriptStage(Languages.shared(), metrics.registry()),
        new ConcurrentStages(List.of(new RateLimitStage(limiter, catalog), new BudgetStage(budgets, catalog)))));
    // The dispatcher tries the plan's targets through their breakers and tells routing how each attempt went.
    dispatcher = new Dispatcher(vertx, providers, config.providers(), metrics, config.server().maxEventBytes(),
        guard, routing.feedback());
    HttpServerOptions options = new HttpServerOptions().setTcpNoDelay(true).setCompressionSupported(false);
    server = vertx.createHttpServer(options).requestHandler(router(routing.routes()));
    return server.listen(config.server().port(), config.server().host());
  }

  /** Stops accepting connections; in-flight requests may finish within {@code grace}. */
  public Future<Void> shutdown(Duration grace) {
    return server == null ? Future.succeededFuture() : server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public Future<?> stop() {
    return Future.join(providers.values().stream().map(Provider::close).toList());
  }

  private Router router(RouteTable routes) {
    Router router = Router.router(vertx);
    ModelsHandler models = new ModelsHandler(routes, System.currentTimeMillis() / 1000);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(config.server().maxBodyBytes());
    for (String prefix : new String[] {"/v1", ""}) {
      router.post(prefix + "/chat/completions").handler(body).handler(this::chat);
      router.get(prefix + "/models").handler(this::authorized).handler(models::handle);
      router.get(prefix + "/usage").handler(this::usage);
    }
    router.route().last().handler(ctx -> ctx.fail(404));
    router.route().failureHandler(this::failure);
    return router;
  }

  /** The whole lifecycle of a chat request. */
  private void chat(RoutingContext context) {
    Exchange exchange = new Exchange(context, RequestIds.from(context.request().getHeader("x-request-id")));
    context.response().putHeader("x-request-id", exchange.requestId());
    pipeline.run(exchange)
        .compose(v -> dispatcher.dispatch(exchange))
        .onFailure(failure -> {
          ErrorRenderer.respond(context.response(), failure);
          if (exchange.target() == null) {
            metrics.rejected(failure); // dispatched requests are counted by the dispatcher
          }
        })
        .onComplete(v -> exchange.complete(Completion.refused())); // no-op when dispatched
  }

  private void authorized(RoutingContext context) {
    Exchange exchange = new Exchange(context, RequestIds.from(context.request().getHeader("x-request-id")));
    context.response().putHeader("x-request-id", exchange.requestId());
    auth.apply(exchange)
        .onSuccess(v -> context.next())
        .onFailure(failure -> ErrorRenderer.respond(context.response(), failure));
  }

  /** The caller's own usage: the tenant comes from its key, whatever the request names. */
  private void usage(RoutingContext context) {
    Exchange exchange = new Exchange(context, RequestIds.from(context.request().getHeader("x-request-id")));
    context.response().putHeader("x-request-id", exchange.requestId());
    auth.apply(exchange)
        .compose(v -> usage.of(exchange.tenant()))
        .onSuccess(report -> context.response().putHeader("content-type", "application/json").end(report.toBuffer()))
        .onFailure(failure -> ErrorRenderer.respond(context.response(), failure));
  }

  private void failure(RoutingContext context) {
    ErrorRenderer.respond(context.response(), HttpFailures.toGatewayException(context));
  }

  /**
   * Headers that say which provider and model answered (or failed last), and how many attempts
   * the request took (more than 1 after a failover).
   */
  static void routeHeaders(Exchange exchange) {
    exchange.context().response()
        .putHeader("x-gateway-provider", exchange.target().provider())
        .putHeader("x-gateway-model", exchange.target().model())
        .putHeader("x-gateway-attempts", Integer.toString(Math.max(1, exchange.attempt())));
  }
}
