package com.mas.gateway.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashMap;
import java.util.List;

/** The simulator's HTTP routes; every failure is answered with an OpenAI error body. */
final class SimulatorRoutes {

  /** The largest request body accepted; larger ones get 413. */
  static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

  private SimulatorRoutes() {}

  static Router router(Vertx vertx, SimulatorOptions options, ObservationLog log) {
    Router router = Router.router(vertx);
    router.route().handler(RequestIds::assign);
    ChatCompletionsEndpoint chat = new ChatCompletionsEndpoint(vertx, options, log);
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    for (String path : List.of("/v1/chat/completions", "/chat/completions")) {
      router.post(path).handler(bodies).handler(chat::complete);
    }
    for (String path : List.of("/v1/models", "/models")) {
      router.get(path).handler(chat::models);
    }
    router.get("/sim/observations").handler(ctx -> observations(ctx, log));
    router.errorHandler(404, SimulatorRoutes::unknownRoute);
    router.errorHandler(405, SimulatorRoutes::unknownRoute);
    router.errorHandler(413, ctx -> fail(ctx, OpenAiErrors.bodyTooLarge(), 413));
    router.errorHandler(500, ctx -> fail(ctx, OpenAiErrors.serverError(), 500));
    return router;
  }

  private static void observations(RoutingContext ctx, ObservationLog log) {
    JsonArray all = new JsonArray();
    for (Observation observation : log.snapshot()) {
      all.add(toJson(observation));
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(all.encode());
  }

  static JsonObject toJson(Observation observation) {
    return new JsonObject()
        .put("requestId", observation.requestId())
        .put("method", observation.method())
        .put("path", observation.path())
        .put("model", observation.model())
        .put("body", observation.body())
        .put("headers", new JsonObject(new HashMap<String, Object>(observation.headers())))
        .put("stream", observation.stream())
        .put("eventsSent", observation.eventsSent())
        .put("bytesSent", observation.bytesSent())
        .put("backpressurePauses", observation.backpressurePauses())
        .put("outcome", observation.outcome().name());
  }

  private static void unknownRoute(RoutingContext ctx) {
    String method = ctx.request().method().name();
    WireError error = OpenAiErrors.unknownRoute(method, ctx.request().path());
    fail(ctx, error, ctx.statusCode());
  }

  private static void fail(RoutingContext ctx, WireError error, int status) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(OpenAiWire.errorBody(
            error.getMessage(), error.type(), error.param(), error.code()).encode());
  }
}
