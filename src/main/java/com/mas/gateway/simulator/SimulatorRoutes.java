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

/**
 * The simulator's HTTP routes. Each answering route speaks one {@link WireFormat}; a failure
 * outside them (unknown path, body too large, an internal error) is answered in the format
 * its path belongs to: {@code /v1/messages...} Anthropic, {@code /v1beta/...} and
 * {@code /v1/models/<model>:<method>} Gemini, anything else OpenAI.
 */
final class SimulatorRoutes {

  /** The largest request body accepted; larger ones get the format's "too large" error. */
  static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

  private final OpenAiFormat openAi;
  private final AnthropicFormat anthropic;
  private final GeminiFormat gemini;

  private SimulatorRoutes(ApiKeyCheck apiKey) {
    this.openAi = new OpenAiFormat(apiKey);
    this.anthropic = new AnthropicFormat(apiKey);
    this.gemini = new GeminiFormat(apiKey);
  }

  static Router router(Vertx vertx, SimulatorOptions options, ObservationLog log, StandingFault standing) {
    return new SimulatorRoutes(new ApiKeyCheck(options.apiKey())).build(vertx, options, log, standing);
  }

  private Router build(Vertx vertx, SimulatorOptions options, ObservationLog log, StandingFault standing) {
    Router router = Router.router(vertx);
    router.route().handler(RequestIds::assign);
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    AnswerEndpoint chat = new AnswerEndpoint(vertx, options, openAi, log, standing);
    for (String path : List.of("/v1/chat/completions", "/chat/completions")) {
      router.post(path).handler(bodies).handler(chat::handle);
    }
    router.post("/v1/messages").handler(bodies)
        .handler(new AnswerEndpoint(vertx, options, anthropic, log, standing)::handle);
    router.postWithRegex(GeminiFormat.PATH.pattern()).handler(bodies)
        .handler(new AnswerEndpoint(vertx, options, gemini, log, standing)::handle);
    ModelLists lists = new ModelLists(openAi, anthropic, gemini, standing);
    for (String path : List.of("/v1/models", "/models")) {
      router.get(path).handler(lists::openAiOrAnthropic);
    }
    router.get("/v1beta/models").handler(lists::gemini);
    router.put("/sim/fault").handler(ctx -> setFault(ctx, standing));
    router.delete("/sim/fault").handler(ctx -> {
      standing.clear();
      ctx.response().setStatusCode(204).end();
    });
    router.get("/sim/observations").handler(ctx -> observations(ctx, log));
    router.errorHandler(404, this::unknownRoute);
    router.errorHandler(405, this::unknownRoute);
    router.errorHandler(413, ctx -> fail(ctx, formatOf(ctx).bodyTooLarge()));
    router.errorHandler(500, ctx -> fail(ctx, formatOf(ctx).internalError()));
    return router;
  }

  /** {@code PUT /sim/fault} with header {@code x-sim-fault}: see {@link StandingFault}. */
  private void setFault(RoutingContext ctx, StandingFault standing) {
    try {
      standing.set(String.valueOf(ctx.request().getHeader(SimulatorControls.FAULT)));
      ctx.response().setStatusCode(204).end();
    } catch (IllegalArgumentException e) {
      fail(ctx, WireError.invalidRequest(e.getMessage(), null, "invalid_simulator_header"));
    }
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

  private void unknownRoute(RoutingContext ctx) {
    String method = ctx.request().method().name();
    fail(ctx, formatOf(ctx).unknownRoute(method, ctx.request().path()), ctx.statusCode());
  }

  private WireFormat formatOf(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path.startsWith("/v1/messages")) {
      return anthropic;
    }
    if (path.startsWith("/v1beta/") || path.startsWith("/v1/models/") && path.contains(":")) {
      return gemini;
    }
    return openAi;
  }

  private void fail(RoutingContext ctx, WireError error) {
    fail(ctx, error, error.status());
  }

  private void fail(RoutingContext ctx, WireError error, int status) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    WireFormat format = formatOf(ctx);
    String requestId = RequestIds.of(ctx);
    format.putHeaders(ctx.response(), requestId);
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(format.errorBody(error, requestId));
  }
}
