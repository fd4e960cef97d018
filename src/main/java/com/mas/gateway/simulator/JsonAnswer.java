package com.mas.gateway.simulator;

import io.vertx.core.Vertx;

/**
 * Writes one answer as a whole JSON body, in the request's wire format, after the time the
 * answer would have taken to stream. Injected positional faults strike instead of the body
 * (see {@link SimulatorControls}).
 */
final class JsonAnswer {

  private final Vertx vertx;
  private final ServedRequest served;
  private final AnswerPlan plan;
  private final AnswerWire wire;
  private long timerId = -1;
  private boolean clientGone;

  JsonAnswer(Vertx vertx, ServedRequest served, AnswerPlan plan, AnswerWire wire) {
    this.vertx = vertx;
    this.served = served;
    this.plan = plan;
    this.wire = wire;
  }

  /** Answers after the planned delay, unless the client leaves first. */
  void start() {
    served.request().response().closeHandler(ignored -> onClientGone());
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
        served.endedAs(Outcome.FAULT_INJECTED);
        Replies.abort(served.request());
      }
      case STALL -> served.endedAs(Outcome.FAULT_INJECTED);
      case MALFORMED -> Replies.json(served, 200, wire.malformedBody(), Outcome.FAULT_INJECTED);
      case ERROR -> Replies.error(served, served.format().failure(), Outcome.FAULT_INJECTED);
      default -> Replies.json(served, 200, wire.body(), Outcome.COMPLETED);
    }
  }

  private void onClientGone() {
    clientGone = true;
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    served.endedAs(Outcome.CLIENT_CLOSED_EARLY);
  }
}
