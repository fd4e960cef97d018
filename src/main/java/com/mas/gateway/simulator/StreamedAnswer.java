package com.mas.gateway.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * Writes one answer as an OpenAI SSE stream: the role chunk at once, the answer events paced by
 * the plan, then the finish chunk, the optional usage chunk and {@code [DONE]}. Injected faults
 * strike at their position.
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
  private final HttpServerRequest request;
  private final HttpServerResponse response;
  private final AnswerPlan plan;
  private final boolean includeUsage;
  private final ObservationLog.Entry entry;
  private final OpenAiWire wire;
  private final Iterator<String> pieces;
  private final long firstPieceAtNanos;
  private final long nanosPerPiece;
  private Future<Void> lastWrite = Future.succeededFuture();
  private long timerId = -1;
  private int piecesSent;
  private boolean faultStruck;
  private boolean stopped;

  StreamedAnswer(Vertx vertx, HttpServerRequest request, ChatCall call, AnswerPlan plan,
      ObservationLog.Entry entry) {
    this.vertx = vertx;
    this.request = request;
    this.response = request.response();
    this.plan = plan;
    this.includeUsage = call.includeUsage();
    this.entry = entry;
    this.wire = new OpenAiWire(call.model());
    this.pieces = plan.pieces();
    this.firstPieceAtNanos =
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(plan.timeToFirstTokenMillis());
    this.nanosPerPiece = plan.tokensPerSecond() > 0
        ? Math.round(TimeUnit.SECONDS.toNanos(1) / plan.tokensPerSecond())
        : 0;
  }

  /** Sends the headers and the role chunk, then keeps writing until the answer ends. */
  void start() {
    response.setStatusCode(200)
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    response.closeHandler(ignored -> onClientGone());
    response.exceptionHandler(ignored -> onClientGone());
    write(plan.toolCall()
        ? wire.toolCallRoleChunk(OpenAiWire.newCallId(), plan.toolName())
        : wire.roleChunk());
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
    FaultPlan fault = plan.fault();
    boolean faultDue = piecesSent >= fault.afterEvents() || !pieces.hasNext();
    if (fault.positional() && !faultStruck && faultDue) {
      faultStruck = true;
      strike(fault.kind());
    } else if (pieces.hasNext()) {
      String piece = pieces.next();
      write(plan.toolCall() ? wire.argumentsChunk(piece) : wire.contentChunk(piece));
      piecesSent++;
    } else {
      finish();
    }
  }

  private void strike(FaultPlan.Kind kind) {
    switch (kind) {
      case MALFORMED -> write(OpenAiWire.MALFORMED);
      case ERROR -> {
        write(OpenAiWire.MIDSTREAM_ERROR);
        write(OpenAiWire.DONE);
        stop(Outcome.FAULT_INJECTED);
        response.end();
      }
      case CUT -> {
        stop(Outcome.FAULT_INJECTED);
        // Close only after the events before the cut have reached the socket.
        lastWrite.onComplete(ignored -> Replies.abort(request));
      }
      // A stall: stay silent and keep the connection; the observation stays IN_PROGRESS until
      // the client gives up, which then shows as CLIENT_CLOSED_EARLY.
      default -> stopped = true;
    }
  }

  private void finish() {
    write(wire.finishChunk(plan.finishReason()));
    if (includeUsage) {
      write(wire.usageChunk(plan.promptTokens(), piecesSent));
    }
    write(OpenAiWire.DONE);
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
    entry.update(Observation::withPause);
    response.drainHandler(ignored -> pump());
  }

  private void write(String event) {
    Buffer bytes = Buffer.buffer(event);
    lastWrite = response.write(bytes);
    entry.update(observation -> observation.withEvent(bytes.length()));
  }

  private void stop(Outcome outcome) {
    stopped = true;
    entry.update(observation -> observation.endedAs(outcome));
  }

  private void onClientGone() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
    stop(Outcome.CLIENT_CLOSED_EARLY);
  }
}
