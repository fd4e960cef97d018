package com.mas.gateway.simulator;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/chat/completions} (and {@code /chat/completions}) plus {@code GET /v1/models}:
 * checks the key, reads the body, records an {@link Observation}, decides the answer and hands
 * it to a {@link StreamedAnswer} or a {@link JsonAnswer}. Runs on the request's event loop.
 */
final class ChatCompletionsEndpoint {

  static final String MASKED_AUTHORIZATION = "Bearer ****";

  private static final List<String> OTHER_KEY_HEADERS =
      List.of("x-api-key", "api-key", "x-goog-api-key");

  private final Vertx vertx;
  private final SimulatorOptions options;
  private final ApiKeyCheck apiKey;
  private final ObservationLog log;

  ChatCompletionsEndpoint(Vertx vertx, SimulatorOptions options, ObservationLog log) {
    this.vertx = vertx;
    this.options = options;
    this.apiKey = new ApiKeyCheck(options.apiKey());
    this.log = log;
  }

  /** Route handler for a chat completion; needs the body read by a {@code BodyHandler}. */
  void complete(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String body = ctx.body().asString();
    ObservationLog.Entry entry = log.add(firstObservation(request, RequestIds.of(ctx), body));
    try {
      apiKey.verify(request.getHeader(HttpHeaders.AUTHORIZATION));
      ChatCall call = ChatCall.parse(body == null ? "" : body);
      entry.update(observation -> observation.withRequest(call.model(), call.stream()));
      answer(request, call, SimulatorControls.plan(call, request.headers(), options), entry);
    } catch (WireError error) {
      Replies.error(request.response(), error, entry, Outcome.COMPLETED);
    }
  }

  /** Route handler for the model list; not recorded as an observation. */
  void models(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    try {
      apiKey.verify(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
      response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(OpenAiWire.modelList().encode());
    } catch (WireError error) {
      response.setStatusCode(error.status())
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(OpenAiWire.errorBody(
              error.getMessage(), error.type(), error.param(), error.code()).encode());
    }
  }

  private void answer(
      HttpServerRequest request, ChatCall call, AnswerPlan plan, ObservationLog.Entry entry) {
    FaultPlan fault = plan.fault();
    if (fault.kind() == FaultPlan.Kind.STATUS) {
      if (fault.retryAfterSeconds() >= 0) {
        request.response().putHeader("retry-after", Integer.toString(fault.retryAfterSeconds()));
      }
      Replies.error(request.response(), OpenAiErrors.forStatus(fault.status(), call.model()),
          entry, Outcome.FAULT_INJECTED);
    } else if (fault.kind() == FaultPlan.Kind.RESET) {
      entry.update(observation -> observation.endedAs(Outcome.FAULT_INJECTED));
      Replies.abort(request);
    } else if (call.stream()) {
      new StreamedAnswer(vertx, request, call, plan, entry).start();
    } else {
      new JsonAnswer(vertx, request, call, plan, entry).start();
    }
  }

  private static Observation firstObservation(
      HttpServerRequest request, String requestId, String body) {
    return new Observation(requestId, request.method().name(), request.path(), null,
        body == null ? "" : body, observedHeaders(request.headers()), false, 0, 0, 0,
        Outcome.IN_PROGRESS);
  }

  /** Lowercase names, repeated headers joined, and the credential never kept. */
  static Map<String, String> observedHeaders(MultiMap headers) {
    Map<String, String> observed = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers) {
      observed.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(),
          (first, next) -> first + ", " + next);
    }
    observed.computeIfPresent("authorization", (name, value) -> MASKED_AUTHORIZATION);
    // Other providers' key headers, for when their wire formats arrive.
    for (String keyHeader : OTHER_KEY_HEADERS) {
      observed.computeIfPresent(keyHeader, (name, value) -> "****");
    }
    return observed;
  }
}
