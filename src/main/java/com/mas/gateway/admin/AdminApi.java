package com.mas.gateway.admin;

import com.mas.gateway.api.ErrorRenderer;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.api.HttpFailures;
import com.mas.gateway.config.AdminKey;
import com.mas.gateway.resilience.SharedControls;
import com.mas.gateway.routing.Overrides;
import com.mas.gateway.routing.Target;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Collection;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API under {@code /admin} on the management port, for operators:
 * <ul>
 *   <li>{@code GET /admin/targets}: every provider/model target with its breaker and scores;
 *   <li>{@code POST /admin/providers/{name}/disable} and {@code .../enable}: force a provider off or on;
 *   <li>{@code POST /admin/routes/{route}/pin} with {@code {"target":"provider/model"}}: pin a route;
 *   <li>{@code GET /admin/overrides}, {@code DELETE /admin/overrides}: show, clear all overrides.
 * </ul>
 * Overrides reach every instance within a second (see {@link com.mas.gateway.resilience.OverrideStore}).
 * Every change is logged with who made it ({@link AdminAuth}). Errors are OpenAI-style.
 */
public final class AdminApi {

  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
  private static final long MAX_BODY_BYTES = 64 * 1024;

  private final AdminKey key;
  private final SharedControls controls;
  private final Set<String> providers;
  private final TargetListing listing;

  /**
   * @param providers the configured provider names; overrides may only name these
   * @param targets the targets configuration and routing know of (breakers add the ones used since)
   * @param scores routing's scores of a target (an empty object when routing keeps none)
   */
  public AdminApi(AdminKey key, SharedControls controls, Set<String> providers,
      Supplier<Collection<Target>> targets, Function<Target, JsonObject> scores) {
    this.key = key;
    this.controls = controls;
    this.providers = Set.copyOf(providers);
    this.listing = new TargetListing(controls, targets, scores);
  }

  /** With no scores (until the router provides them). */
  public AdminApi(AdminKey key, SharedControls controls, Set<String> providers, Supplier<Collection<Target>> targets) {
    this(key, controls, providers, targets, target -> new JsonObject());
  }

  /** The routes under {@code /admin}, to mount on the management router. */
  Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(new AdminAuth(key));
    router.get("/targets").handler(ctx -> json(ctx, listing.targets()));
    router.get("/overrides").handler(ctx -> json(ctx, TargetListing.toJson(controls.overrides().current())));
    router.delete("/overrides").handler(ctx -> change(ctx, "cleared every override", controls.overrides().clear()));
    router.post("/providers/:name/disable").handler(ctx -> provider(ctx, false));
    router.post("/providers/:name/enable").handler(ctx -> provider(ctx, true));
    router.post("/routes/:route/pin").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(this::pin);
    router.route().last().handler(ctx -> ctx.fail(404));
    router.route().failureHandler(ctx -> ErrorRenderer.respond(ctx.response(), HttpFailures.toGatewayException(ctx)));
    return router;
  }

  private void provider(RoutingContext context, boolean on) {
    String name = context.pathParam("name");
    if (!providers.contains(name)) {
      ErrorRenderer.respond(context.response(), unknownProvider(name, "name"));
      return;
    }
    change(context, (on ? "forced on" : "switched off") + " provider " + name,
        on ? controls.overrides().force(name) : controls.overrides().disable(name));
  }

  private void pin(RoutingContext context) {
    String route = context.pathParam("route");
    try {
      Target target = pinTarget(context, route);
      change(context, "pinned route " + route + " to " + target.provider() + "/" + target.model(),
          controls.overrides().pin(route, target));
    } catch (GatewayException e) {
      ErrorRenderer.respond(context.response(), e);
    }
  }

  private Target pinTarget(RoutingContext context, String route) {
    if (route.isBlank() || route.length() > 200) {
      throw GatewayException.badRequest("route", "A route name is 1 to 200 characters.");
    }
    JsonObject body;
    try {
      body = context.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    Object target = body == null ? null : body.getValue("target");
    if (!(target instanceof String text) || text.indexOf('/') <= 0 || text.endsWith("/")) {
      throw GatewayException.badRequest("target", "Send a JSON body {\"target\":\"provider/model\"}.");
    }
    String provider = text.substring(0, text.indexOf('/'));
    if (!providers.contains(provider)) {
      throw unknownProvider(provider, "target");
    }
    return new Target(provider, text.substring(text.indexOf('/') + 1));
  }

  private GatewayException unknownProvider(String name, String param) {
    return new GatewayException(400, "invalid_request_error", "unknown_provider", param,
        "Provider '" + name + "' is not configured; configured: " + String.join(", ", providers.stream().sorted().toList())
            + ".");
  }

  /** Answers with the overrides after the change, and logs it with its author. */
  private void change(RoutingContext context, String what, Future<Overrides> change) {
    String who = AdminAuth.actor(context);
    change.onSuccess(overrides -> {
      LOG.info("admin {}: {}", who, what);
      json(context, TargetListing.toJson(overrides));
    }).onFailure(failure -> {
      LOG.warn("admin {}: could not apply ({}): {}", who, what, failure.getMessage());
      ErrorRenderer.respond(context.response(), failure);
    });
  }

  private static void json(RoutingContext context, JsonObject body) {
    context.response().putHeader("content-type", "application/json").end(body.encode());
  }
}
