package com.mas.gateway.api;

import com.mas.gateway.provider.ChunkKind;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds an attempt's events back until it is safe to send them, and sends everything else at
 * once (so the first content event is never delayed):
 * <ul>
 *   <li>opening events (the assistant-role chunk) until the first event with content, text,
 *       reasoning, a tool call or a finish: a failure before that, an error event included,
 *       leaves the client with nothing and can go to another target unseen. At most
 *       {@value #MAX_HELD_OPENING} are held;
 *   <li>when the answer may be continued elsewhere, a tool call's deltas until the call is
 *       complete: a later event that is not a delta of that call, or the end of the answer. A
 *       stream cut inside a call's arguments then never sends broken arguments; the incomplete
 *       call is dropped and the next target produces it whole. A call over
 *       {@value #MAX_HELD_CALL_BYTES} bytes is sent as it comes from there on.
 * </ul>
 * One per attempt, on the request's event loop.
 */
final class EventGate {

  /** The most opening events held before content. */
  static final int MAX_HELD_OPENING = 16;
  /** The most bytes of one tool call's deltas held. */
  static final int MAX_HELD_CALL_BYTES = 1 << 20;

  /** Where released events go. */
  interface Out {
    void event(Buffer event, ChunkKind kind);

    /** The deltas of tool call {@code index}: all of it when it was held, else as they came. */
    void toolCall(List<Buffer> events, int index);

    /**
     * The held opening events, then {@code first}, the event that released them. One call, so
     * that they can reach the client in one write: the first content is not held up behind the
     * opening events' own write.
     */
    default void opened(List<Buffer> opening, Buffer first, ChunkKind kind) {
      opening.forEach(event -> event(event, ChunkKind.OPENING));
      event(first, kind);
    }
  }

  private final Out out;
  private final boolean holdToolCalls;
  private boolean answered;
  private List<Buffer> opening;
  private List<Buffer> call;
  private int callIndex = -1;
  private int unheldIndex = -1;
  private long callBytes;

  /**
   * @param answered true when the client already has content (a continuation), so nothing is
   *     opening any more
   * @param holdToolCalls hold each tool call until it is complete
   */
  EventGate(Out out, boolean answered, boolean holdToolCalls) {
    this.out = out;
    this.answered = answered;
    this.holdToolCalls = holdToolCalls;
  }

  void accept(Buffer event, ChunkKind kind) {
    if (kind == ChunkKind.OPENING && !answered && (opening == null || opening.size() < MAX_HELD_OPENING)) {
      if (opening == null) {
        opening = new ArrayList<>(1);
      }
      opening.add(event);
      return;
    }
    if (kind == ChunkKind.ERROR) {
      call = null; // an incomplete call before an error is never sent
    } else {
      flushCall();
    }
    answered = true;
    if (opening == null) {
      out.event(event, kind);
    } else {
      List<Buffer> held = opening;
      opening = null;
      out.opened(held, event, kind);
    }
  }

  void acceptToolCall(Buffer event, int index) {
    release();
    if (!holdToolCalls || index == unheldIndex) {
      out.toolCall(List.of(event), index);
      return;
    }
    if (call != null && index != callIndex) {
      flushCall();
    }
    if (call == null) {
      call = new ArrayList<>();
      callIndex = index;
      callBytes = 0;
    }
    call.add(event);
    callBytes += event.length();
    if (callBytes > MAX_HELD_CALL_BYTES) {
      unheldIndex = index;
      flushCall();
    }
  }

  /** The answer ended normally: a call still held is complete. */
  void finish() {
    flushCall();
  }

  /** The attempt failed: whatever is held is dropped. */
  void discard() {
    call = null;
    opening = null;
  }

  private void flushCall() {
    if (call != null) {
      List<Buffer> complete = call;
      call = null;
      out.toolCall(complete, callIndex);
    }
  }

  /** Content is here: the held opening events go first. */
  private void release() {
    answered = true;
    if (opening != null) {
      List<Buffer> held = opening;
      opening = null;
      held.forEach(event -> out.event(event, ChunkKind.OPENING));
    }
  }
}
