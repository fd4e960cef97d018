package com.mas.gateway.simulator;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The model lists, each in its provider's format, the cheap calls a gateway's recovery probe
 * makes: OpenAI's {@code GET /v1/models} (and {@code /models}), Anthropic's {@code GET /v1/models}
 * (told apart by its {@code x-api-key} or {@code anthropic-version} header) and Gemini's
 * {@code GET /v1beta/models}. A {@link StandingFault} strikes them too. Not recorded as
 * observations.
 */
final class ModelLists {

  private final OpenAiFormat openAi;
  private final AnthropicFormat anthropic;
  private final GeminiFormat gemini;
  private final StandingFault standing;

  ModelLists(OpenAiFormat openAi, AnthropicFormat anthropic, GeminiFormat gemini, StandingFault standing) {
    this.openAi = openAi;
    this.anthropic = anthropic;
    this.gemini = gemini;
    this.standing = standing;
  }

  /** {@code GET /v1/models} and {@code /models}: Anthropic's list for an Anthropic client, else OpenAI's. */
  void openAiOrAnthropic(RoutingContext ctx) {
    boolean anthropicClient = ctx.request().getHeader(AnthropicFormat.KEY_HEADER) != null
        || ctx.request().getHeader(AnthropicFormat.VERSION_HEADER) != null;
    if (anthropicClient) {
      answer(ctx, anthropic, anthropicList());
    } else {
      answer(ctx, openAi, OpenAiWire.modelList());
    }
  }

  /** {@code GET /v1beta/models}. */
  void gemini(RoutingContext ctx) {
    answer(ctx, gemini, geminiList());
  }

  private void answer(RoutingContext ctx, WireFormat format, JsonObject list) {
    FaultPlan fault = standing.current().orElse(FaultPlan.NONE);
    if (fault.kind() == FaultPlan.Kind.RESET) {
      Replies.abort(ctx.request());
      return;
    }
    try {
      format.admit(ctx.request());
      if (fault.kind() == FaultPlan.Kind.STATUS) {
        throw format.statusFault(fault.status(), fault.retryAfterSeconds(), "models");
      }
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(list.encode());
    } catch (WireError error) {
      String requestId = RequestIds.of(ctx);
      format.putHeaders(ctx.response(), requestId);
      if (error.retryAfterSeconds() >= 0) {
        ctx.response().putHeader("retry-after", Integer.toString(error.retryAfterSeconds()));
      }
      ctx.response().setStatusCode(error.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(format.errorBody(error, requestId));
    }
  }

  private static JsonObject anthropicList() {
    JsonArray data = new JsonArray().add(new JsonObject().put("type", "model").put("id", "sim-claude")
        .put("display_name", "Simulated Claude").put("created_at", "2025-01-01T00:00:00Z"));
    return new JsonObject().put("data", data).put("has_more", false)
        .put("first_id", "sim-claude").put("last_id", "sim-claude");
  }

  private static JsonObject geminiList() {
    JsonArray models = new JsonArray().add(new JsonObject().put("name", "models/sim-gemini")
        .put("displayName", "Simulated Gemini")
        .put("supportedGenerationMethods", new JsonArray().add("generateContent").add("streamGenerateContent")));
    return new JsonObject().put("models", models);
  }
}
