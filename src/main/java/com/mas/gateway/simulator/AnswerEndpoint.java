package com.mas.gateway.simulator;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answering endpoint of one {@link WireFormat}: records an {@link Observation}, lets the
 * format admit and read the request, decides the answer and hands it to a
 * {@link StreamedAnswer} or a {@link JsonAnswer} with the format's {@link AnswerWire}. Runs on
 * the request's event loop.
 */
final class AnswerEndpoint {

  static final String MASKED_AUTHORIZATION = "Bearer ****";
  static final String MASKED_KEY = "****";

  /** The headers that carry a key in some provider's format; never recorded as sent. */
  private static final List<String> KEY_HEADERS =
      List.of("x-api-key", "api-key", "x-goog-api-key");

  private final Vertx vertx;
  private final SimulatorOptions options;
  private final WireFormat format;
  private final ObservationLog log;
  private final StandingFault standing;

  AnswerEndpoint(Vertx vertx, SimulatorOptions options, WireFormat format, ObservationLog log,
      StandingFault standing) {
    this.vertx = vertx;
    this.options = options;
    this.format = format;
    this.log = log;
    this.standing = standing;
  }

  /** Route handler; needs the body read by a {@code BodyHandler}. */
  void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String body = ctx.body().asString();
    String requestId = RequestIds.of(ctx);
    format.putHeaders(request.response(), requestId);
    ServedRequest served = new ServedRequest(request, format, requestId,
        log.add(firstObservation(request, requestId, body)));
    try {
      format.admit(request);
      ChatCall call = format.read(request, body == null ? "" : body);
      served.entry().update(observation -> observation.withRequest(call.model(), call.stream()));
      answer(served, call, SimulatorControls.plan(call, request.headers(), options, format));
    } catch (WireError error) {
      Replies.error(served, error, Outcome.COMPLETED);
    }
  }

  private void answer(ServedRequest served, ChatCall call, AnswerPlan plan) {
    FaultPlan fault = standing.current().orElse(plan.fault());
    if (fault.kind() == FaultPlan.Kind.STATUS) {
      Replies.error(served,
          format.statusFault(fault.status(), fault.retryAfterSeconds(), call.model()),
          Outcome.FAULT_INJECTED);
    } else if (fault.kind() == FaultPlan.Kind.RESET) {
      served.endedAs(Outcome.FAULT_INJECTED);
      Replies.abort(served.request());
    } else {
      AnswerWire wire = format.answer(call, plan, served.requestId());
      if (call.stream()) {
        new StreamedAnswer(vertx, served, plan, wire).start();
      } else {
        new JsonAnswer(vertx, served, plan, wire).start();
      }
    }
  }

  private static Observation firstObservation(
      HttpServerRequest request, String requestId, String body) {
    return new Observation(requestId, request.method().name(), request.path(), null,
        body == null ? "" : body, observedHeaders(request.headers()), false, 0, 0, 0,
        Outcome.IN_PROGRESS);
  }

  /** Lowercase names, repeated headers joined, and no credential ever kept. */
  static Map<String, String> observedHeaders(MultiMap headers) {
    Map<String, String> observed = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers) {
      observed.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(),
          (first, next) -> first + ", " + next);
    }
    observed.computeIfPresent("authorization", (name, value) -> MASKED_AUTHORIZATION);
    for (String keyHeader : KEY_HEADERS) {
      observed.computeIfPresent(keyHeader, (name, value) -> MASKED_KEY);
    }
    return observed;
  }
}
