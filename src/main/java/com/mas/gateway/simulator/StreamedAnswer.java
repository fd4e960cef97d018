package com.mas.gateway.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes one answer as an SSE stream in the request's wire format: the wire's opening events
 * at once, one event per piece paced by the plan, then the wire's closing events. Injected
 * faults strike at their position. The {@link AnswerWire} says what each event is; this class
 * decides when it goes, so every format shares pacing, faults and backpressure.
 *
 * <p>Everything runs on the event loop of the request: pacing uses Vert.x timers, a full write
 * queue suspends writing until the response's drain handler fires, and an unpaced answer yields
 * the loop every {@link #EVENTS_PER_TURN} events. When the client goes away writing stops at
 * once and the observation ends as {@link Outcome#CLIENT_CLOSED_EARLY}.
 */
final class StreamedAnswer {

  /** Events written in one event-loop turn before yielding, so one stream cannot hog a loop. */
  static final int EVENTS_PER_TURN = 64;

  private final Vertx vertx;
  private final ServedRequest served;
  private final HttpServerResponse response;
  private final FaultPlan fault;
  private final AnswerWire wire;
  private final Iterator<String> pieces;
  private final int pieceCount;
  private final long firstPieceAtNanos;
  private final long nanosPerPiece;
  private Future<Void> lastWrite = Future.succeededFuture();
  private long timerId = -1;
  private int piecesSent;
  private boolean faultStruck;
  private boolean stopped;

  StreamedAnswer(Vertx vertx, ServedRequest served, AnswerPlan plan, AnswerWire wire) {
    this.vertx = vertx;
    this.served = served;
    this.response = served.request().response();
    this.fault = plan.fault();
    this.wire = wire;
    this.pieces = wire.pieces();
    this.pieceCount = wire.pieceCount();
    this.firstPieceAtNanos =
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(plan.timeToFirstTokenMillis());
    this.nanosPerPiece = plan.tokensPerSecond() > 0
        ? Math.round(TimeUnit.SECONDS.toNanos(1) / plan.tokensPerSecond())
        : 0;
  }

  /** Sends the headers and the opening events, then keeps writing until the answer ends. */
  void start() {
    response.setStatusCode(200)
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    response.closeHandler(ignored -> onClientGone());
    response.exceptionHandler(ignored -> onClientGone());
    writeAll(wire.opening());
    pump();
  }

  private void pump() {
    for (int written = 0; !stopped; written++) {
      if (response.writeQueueFull()) {
        waitForDrain();
        return;
      }
      long waitMillis = millisUntilNextPiece();
      if (waitMillis > 0) {
        timerId = vertx.setTimer(waitMillis, id -> {
          timerId = -1;
          pump();
        });
        return;
      }
      if (written == EVENTS_PER_TURN) {
        vertx.runOnContext(ignored -> pump());
        return;
      }
      step();
    }
  }

  private void step() {
    if (fault.positional() && !faultStruck && faultDue()) {
      faultStruck = true;
      strike(fault.kind());
    } else if (pieces.hasNext()) {
      String piece = pieces.next();
      piecesSent++;
      write(wire.piece(piece, !pieces.hasNext()));
    } else {
      finish();
    }
  }

  /** Due after n pieces, or where the answer would end, whichever comes first. */
  private boolean faultDue() {
    boolean answerEndsNext = !pieces.hasNext()
        || wire.lastPieceEndsAnswer() && piecesSent + 1 == pieceCount;
    return piecesSent >= fault.afterEvents() || answerEndsNext;
  }

  private void strike(FaultPlan.Kind kind) {
    switch (kind) {
      case MALFORMED -> write(wire.malformedEvent());
      case ERROR -> {
        writeAll(wire.failureEvents());
        stop(Outcome.FAULT_INJECTED);
        response.end();
      }
      case CUT -> {
        stop(Outcome.FAULT_INJECTED);
        // Close only after the events before the cut have reached the socket.
        lastWrite.onComplete(ignored -> Replies.abort(served.request()));
      }
      // A stall: stay silent and keep the connection; the observation stays IN_PROGRESS until
      // the client gives up, which then shows as CLIENT_CLOSED_EARLY.
      default -> stopped = true;
    }
  }

  private void finish() {
    writeAll(wire.closing());
    stop(Outcome.COMPLETED);
    response.end();
  }

  private long millisUntilNextPiece() {
    if (!pieces.hasNext()) {
      return 0;
    }
    long dueNanos = firstPieceAtNanos + piecesSent * nanosPerPiece;
    long waitNanos = dueNanos - System.nanoTime();
    return waitNanos <= 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999);
  }

  private void waitForDrain() {
    served.entry().update(Observation::withPause);
    response.drainHandler(ignored -> pump());
  }

  private void writeAll(List<String> events) {
    for (String event : events) {
      write(event);
    }
  }

  private void write(String event) {
    Buffer bytes = Buffer.buffer(event);
    lastWrite = response.write(bytes);
    served.entry().update(observation -> observation.withEvent(bytes.length()));
  }

  private void stop(Outcome outcome) {
    stopped = true;
    served.endedAs(outcome);
  }

  private void onClientGone() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
    stop(Outcome.CLIENT_CLOSED_EARLY);
  }
}
