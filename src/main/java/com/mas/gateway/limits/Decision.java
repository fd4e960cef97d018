package com.mas.gateway.limits;

import io.vertx.core.Future;

/**
 * What a {@link RateLimiter} decided for one request: admitted with what is left of each
 * dimension, or rejected with the limit that was hit.
 *
 * @param requests what is left of requests per minute in the tightest scope, null when no scope
 *     limits requests (or the request was rejected)
 * @param tokens the same for tokens per minute
 * @param rejection why the request was refused, null when it was admitted
 * @param permit what the request holds (its count, token reservation and lease) until it is
 *     released; null when it was rejected
 */
public record Decision(Quota requests, Quota tokens, Rejection rejection, Permit permit) {

  static Decision rejected(Rejection rejection) {
    return new Decision(null, null, rejection, null);
  }

  public boolean admitted() {
    return rejection == null;
  }

  /**
   * The state of one dimension after the request was counted.
   *
   * @param limit the scope's limit per minute
   * @param remaining what may still be admitted now (never negative)
   * @param resetMicros time until the oldest request counted in the window leaves it, which is
   *     when capacity next grows
   */
  public record Quota(long limit, long remaining, long resetMicros) {
    public Quota {
      remaining = Math.max(0, remaining);
      resetMicros = Math.max(0, resetMicros);
    }
  }

  /** What a limit counts. */
  public enum Dimension {
    REQUESTS("requests per minute"),
    TOKENS("tokens per minute"),
    STREAMS("concurrent streams");

    private final String unit;

    Dimension(String unit) {
      this.unit = unit;
    }

    /** The limit's unit as messages name it. */
    public String unit() {
      return unit;
    }
  }

  /**
   * The limit a request hit.
   *
   * @param scope the scope whose limit it is
   * @param dimension what that limit counts
   * @param limit its value
   * @param retryAfterMicros when the request would fit, -1 when it never can (it alone needs
   *     more tokens than the limit)
   */
  public record Rejection(LimitRequest.Scope scope, Dimension dimension, long limit, long retryAfterMicros) {

    public boolean neverFits() {
      return retryAfterMicros < 0;
    }
  }

  /**
   * What an admitted request holds. Released exactly once, when the request has ended however
   * it ended: its lease is given back and its token reservation replaced by the real usage.
   */
  public interface Permit {

    /**
     * Gives back the lease and settles the tokens with {@code usedTokens}. Completes when
     * settled; a failure (shared state unreachable) loses nothing that time does not repair:
     * the lease expires and the reservation leaves the window.
     */
    Future<Void> release(long usedTokens);
  }
}
