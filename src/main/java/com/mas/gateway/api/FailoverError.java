package com.mas.gateway.api;

import java.util.List;

/**
 * The one error a client gets when every target it could go to failed with a retryable error.
 * With a single attempt that attempt's error goes out unchanged (its status, code and
 * {@code retry-after} are what the client can act on). With several:
 * <ul>
 *   <li>when they all failed alike (the same status, e.g. every provider answered 429), that
 *       status, with the last one's type, code and headers: the client's retry logic for that
 *       class still applies;
 *   <li>otherwise 503 {@code server_error}, code {@value #CODE}.
 * </ul>
 * Either way the message lists what was tried, in order: {@code provider/model: status code}
 * for each attempt and {@code provider/model: circuit open, skipped} for a target whose breaker
 * was open.
 */
final class FailoverError {

  /** The code of the 503 for targets that failed in different ways. */
  static final String CODE = "all_targets_failed";

  private FailoverError() {}

  /**
   * @param failures the failures of the attempts, in order; never empty
   * @param tried one line per target tried or skipped, in order
   */
  static GatewayException of(List<GatewayException> failures, List<String> tried) {
    GatewayException last = failures.get(failures.size() - 1);
    if (tried.size() == 1) {
      return last;
    }
    String message = "No provider could answer this request. Tried: " + String.join("; ", tried) + ".";
    boolean alike = failures.stream().allMatch(f -> f.status() == last.status());
    if (alike) {
      return new GatewayException(last.status(), last.type(), last.code(), last.param(), message, last.headers());
    }
    return new GatewayException(503, "server_error", CODE, null, message);
  }
}
