package com.mas.gateway.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;

/**
 * Writes one answer as a whole {@code chat.completion} body after the time the answer would
 * have taken to stream. Injected positional faults strike instead of the body (see
 * {@link SimulatorControls}).
 */
final class JsonAnswer {

  /** The body a malformed-fault answer sends: JSON cut off mid-object. */
  static final String MALFORMED_BODY =
      "{\"id\":\"chatcmpl-broken\",\"choices\":[{\"message\":{\"content\":";

  private final Vertx vertx;
  private final HttpServerRequest request;
  private final ChatCall call;
  private final AnswerPlan plan;
  private final ObservationLog.Entry entry;
  private long timerId = -1;
  private boolean clientGone;

  JsonAnswer(Vertx vertx, HttpServerRequest request, ChatCall call, AnswerPlan plan,
      ObservationLog.Entry entry) {
    this.vertx = vertx;
    this.request = request;
    this.call = call;
    this.plan = plan;
    this.entry = entry;
  }

  /** Answers after the planned delay, unless the client leaves first. */
  void start() {
    request.response().closeHandler(ignored -> onClientGone());
    long delay = plan.totalMillis();
    if (delay > 0) {
      timerId = vertx.setTimer(delay, id -> send());
    } else {
      send();
    }
  }

  private void send() {
    timerId = -1;
    if (clientGone) {
      return;
    }
    switch (plan.fault().kind()) {
      case CUT -> {
        entry.update(observation -> observation.endedAs(Outcome.FAULT_INJECTED));
        Replies.abort(request);
      }
      case STALL -> entry.update(observation -> observation.endedAs(Outcome.FAULT_INJECTED));
      case MALFORMED -> Replies.json(
          request.response(), 200, MALFORMED_BODY, entry, Outcome.FAULT_INJECTED);
      case ERROR -> Replies.error(
          request.response(), OpenAiErrors.serverError(), entry, Outcome.FAULT_INJECTED);
      default -> Replies.json(request.response(), 200, body().encode(), entry, Outcome.COMPLETED);
    }
  }

  private JsonObject body() {
    OpenAiWire wire = new OpenAiWire(call.model());
    if (plan.toolCall()) {
      return wire.toolCallCompletion(OpenAiWire.newCallId(), plan.toolName(), plan.arguments(),
          plan.promptTokens(), plan.pieceCount());
    }
    StringBuilder text = new StringBuilder();
    for (Iterator<String> pieces = plan.pieces(); pieces.hasNext(); ) {
      text.append(pieces.next());
    }
    return wire.completion(text.toString(), plan.finishReason(), plan.promptTokens(),
        plan.pieceCount());
  }

  private void onClientGone() {
    clientGone = true;
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    entry.update(observation -> observation.endedAs(Outcome.CLIENT_CLOSED_EARLY));
  }
}
