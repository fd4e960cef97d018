package com.mas.gateway.simulator;

import java.util.Iterator;
import java.util.List;

/**
 * How one answer is written in one wire format. {@link StreamedAnswer} and {@link JsonAnswer}
 * decide when things are written; a wire only says what the bytes are. Every stream event is
 * a whole SSE frame, its blank line included. One instance serves one answer, on the
 * request's event loop.
 */
abstract class AnswerWire {

  protected final AnswerPlan plan;

  protected AnswerWire(AnswerPlan plan) {
    this.plan = plan;
  }

  /** The pieces streamed one event each; by default the plan's tokens or argument fragments. */
  Iterator<String> pieces() {
    return plan.pieces();
  }

  /** How many pieces {@link #pieces()} yields. */
  int pieceCount() {
    return plan.pieceCount();
  }

  /**
   * True when the event of the last piece also ends the answer (Gemini puts the finish reason
   * on its last chunk), so a positional fault due at the end strikes before that piece.
   */
  boolean lastPieceEndsAnswer() {
    return false;
  }

  /** The events sent at once, before the first-token delay. */
  abstract List<String> opening();

  /** The event carrying one piece; {@code last} is true for the final piece. */
  abstract String piece(String piece, boolean last);

  /** The events after the last piece that end a complete answer. */
  abstract List<String> closing();

  /** An event cut off inside its JSON. */
  abstract String malformedEvent();

  /** The events of a failure after the stream began; the stream ends after them. */
  abstract List<String> failureEvents();

  /** The whole non-streamed answer body. */
  abstract String body();

  /** A non-streamed body cut off mid-object. */
  abstract String malformedBody();
}
