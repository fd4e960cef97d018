package com.mas.gateway.provider;

/**
 * What one client event carries, as far as the relay that forwards it must know: it holds the
 * opening events back until content follows (so that a failure before content can still go to
 * another provider unseen), holds a tool call's deltas until the call is whole, and recognises
 * an upstream error event. Translators know it without parsing: they wrote the event, or
 * scanned it anyway.
 */
public enum ChunkKind {
  /** The assistant-role chunk or another event without answer content. */
  OPENING,
  /** Text or reasoning content. */
  CONTENT,
  /** A tool-call delta; written with {@link ClientSink#writeToolCall}, which names its index. */
  TOOL_CALL,
  /** The finish reason. */
  FINISH,
  /** The usage report (possibly beside the finish reason). */
  USAGE,
  /** OpenAI's {@code [DONE]}. */
  DONE,
  /** An error reported inside the stream and passed on as it came. */
  ERROR
}
