package com.mas.gateway.limits;

import com.mas.gateway.api.Completion;
import com.mas.gateway.api.Exchange;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.api.Stage;
import com.mas.gateway.chat.TokenEstimator;
import com.mas.gateway.chat.Usage;
import com.mas.gateway.limits.Decision.Rejection;
import com.mas.gateway.limits.LimitRequest.Scope;
import com.mas.gateway.routing.ModelCatalog;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * Holds each request to its tenant's rate limits, and to its agent type's when that has limits
 * of its own. Runs after the target is resolved (the maximum output depends on the model).
 *
 * <ul>
 *   <li>Admitted: the response carries OpenAI's {@code x-ratelimit-*} headers
 *       ({@link RateLimitHeaders}); when the request has ended, however it ended, its lease is
 *       given back and its token reservation settled, summed over the request's attempts: the
 *       provider's usage when it reported one, else the input estimate plus one token per
 *       streamed event; nothing for an attempt refused before its answer started, and nothing
 *       when the request was never sent upstream.
 *   <li>Rejected: 429 {@code rate_limit_exceeded} naming the scope and the limit, with
 *       {@code retry-after} in whole seconds (rounded up). A request that alone needs more
 *       tokens than the limit allows gets the 429 without {@code retry-after}: waiting cannot
 *       help.
 *   <li>A tenant without limits is not checked at all, and gets no headers.
 * </ul>
 */
public final class RateLimitStage implements Stage {

  private final RateLimiter limiter;
  private final ModelCatalog catalog;

  public RateLimitStage(RateLimiter limiter, ModelCatalog catalog) {
    this.limiter = limiter;
    this.catalog = catalog;
  }

  @Override
  public String name() {
    return "rate-limit";
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    List<Scope> scopes = LimitRequest.scopes(exchange.tenant().config(), exchange.agentType());
    if (scopes.isEmpty()) {
      return Future.succeededFuture();
    }
    boolean countsTokens = LimitRequest.countsTokens(scopes);
    long input = countsTokens ? exchange.estimatedInputTokens() : 0;
    long reserve = countsTokens
        ? input + TokenEstimator.maxOutputTokens(exchange.needs(), catalog.capabilities(exchange.target()))
        : 0;
    LimitRequest request = new LimitRequest(scopes, reserve);
    return limiter.acquire(request).compose(decision -> admit(exchange, request, decision, input));
  }

  private static Future<Void> admit(Exchange exchange, LimitRequest request, Decision decision, long input) {
    if (!decision.admitted()) {
      return Future.failedFuture(rejected(decision.rejection(), request.tokens()));
    }
    RateLimitHeaders.write(exchange.context().response(), decision);
    boolean countsTokens = request.tokens() > 0;
    exchange.onCompletion(completion ->
        decision.permit().release(countsTokens ? usedTokens(completion, input) : 0));
    return Future.succeededFuture();
  }

  /**
   * The tokens a request used, as well as they are known when it has ended: summed over its
   * attempts, what each is charged for ({@link Completion.Attempt#charged}).
   */
  static long usedTokens(Completion completion, long inputEstimate) {
    long used = 0;
    for (Completion.Attempt attempt : completion.attempts()) {
      Usage charged = attempt.charged(inputEstimate);
      used += charged == null ? 0 : charged.totalTokens();
    }
    return used;
  }

  static GatewayException rejected(Rejection rejection, long tokens) {
    String scope = rejection.scope().label();
    if (rejection.neverFits()) {
      return new GatewayException(429, "tokens", "rate_limit_exceeded", null, "Request too large for " + scope
          + ": it may use up to " + tokens + " tokens (estimated input plus maximum output), more than the limit of "
          + rejection.limit() + " tokens per minute. Lower max_tokens or shorten the input.");
    }
    long retryAfter = RateLimitHeaders.retryAfterSeconds(rejection.retryAfterMicros());
    String type = rejection.dimension() == Decision.Dimension.TOKENS ? "tokens" : "requests";
    return new GatewayException(429, type, "rate_limit_exceeded", null, "Rate limit reached for " + scope + ": "
        + rejection.limit() + " " + rejection.dimension().unit() + ". Retry in " + retryAfter + "s.",
        Map.of("retry-after", Long.toString(retryAfter)));
  }
}
