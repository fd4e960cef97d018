package com.mas.gateway.loadgen;

/**
 * The outcome of one request/response exchange of a virtual user. Times are
 * {@link System#nanoTime()} readings.
 *
 * @param startNanos when the request was issued (before the pool hands out a connection)
 * @param endNanos when the last byte arrived, or the failure was seen
 * @param firstTokenNanos when the first content (or tool call) event arrived; {@code -1} if
 *     none did or the request was not streamed
 * @param status the HTTP status, {@code 0} if no response head arrived
 * @param error why it failed, {@code null} when it succeeded
 * @param tokens completion tokens received (from {@code usage} when present, otherwise the
 *     number of content events of a stream)
 */
record Exchange(
    long startNanos, long endNanos, long firstTokenNanos, int status, ErrorKind error, long tokens) {

  static Exchange connectionFailure(long startNanos, long endNanos) {
    return new Exchange(startNanos, endNanos, -1, 0, ErrorKind.CONNECTION, 0);
  }

  static Exchange badStatus(long startNanos, long endNanos, int status) {
    return new Exchange(startNanos, endNanos, -1, status, ErrorKind.HTTP_STATUS, 0);
  }

  boolean succeeded() {
    return error == null;
  }

  boolean hasFirstToken() {
    return firstTokenNanos >= 0;
  }
}
