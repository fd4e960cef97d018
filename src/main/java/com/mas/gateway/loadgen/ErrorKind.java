package com.mas.gateway.loadgen;

/**
 * Why one request of a load run failed. The {@link #label()} is the key used in the JSON and
 * table reports, so it never changes once published.
 */
enum ErrorKind {
  /** The response status was not 2xx (the status itself is counted separately). */
  HTTP_STATUS("http_status"),
  /** Connect failure, reset, or any I/O error before the response ended. */
  CONNECTION("connection"),
  /** A 2xx stream carried a {@code data: {"error"...}} event. */
  SSE_ERROR("sse_error"),
  /** A 2xx stream ended without a final {@code data: [DONE]} event. */
  MISSING_DONE("missing_done"),
  /** A single SSE line exceeded {@link SseScanner#MAX_LINE_BYTES}; the stream was still read. */
  OVERSIZED_EVENT("oversized_event");

  private final String label;

  ErrorKind(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
