package com.mas.gateway.api;

import com.mas.gateway.chat.Usage;
import com.mas.gateway.provider.Cancellation;
import com.mas.gateway.provider.Provider;
import com.mas.gateway.provider.UpstreamCall;
import com.mas.gateway.provider.UpstreamResponse;
import com.mas.gateway.resilience.AttemptFeedback;
import com.mas.gateway.resilience.AttemptGuard;
import com.mas.gateway.resilience.Failures;
import com.mas.gateway.routing.RoutePlan;
import com.mas.gateway.routing.Target;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The attempts of one request on the targets of its {@link RoutePlan}: which target comes next,
 * sending to it through its breaker, the deadline, and the record of every attempt for the
 * completion, the routing scores and the final error. One per request, on its event loop.
 *
 * <ul>
 *   <li>Targets are tried in the plan's order, each at most once, at most
 *       {@link RoutePlan#maxAttempts()} in all. A target whose breaker is open is skipped unless
 *       it is the last one left (then its breaker decides: a half-open trial, or a fast 503).
 *   <li>The deadline ({@link RoutePlan#deadline()}) bounds the time the client waits with
 *       nothing: from the request's start until its answer starts, and again from a broken
 *       stream until the continuation's first new event. When it passes, the attempt in flight
 *       is abandoned and no other is made.
 * </ul>
 */
final class Attempts {

  private final Vertx vertx;
  private final Exchange exchange;
  private final Map<String, Provider> providers;
  private final AttemptGuard guard;
  private final AttemptFeedback feedback;
  private final RoutePlan plan;
  private final List<Completion.Attempt> records = new ArrayList<>();
  private final List<String> tried = new ArrayList<>();
  private final List<GatewayException> failures = new ArrayList<>();
  private Runnable onDeadline = () -> {};
  private Cancellation current;
  private int nextIndex;
  private int made;
  private long sentNanos;
  private long timerId = -1;
  private boolean expired;
  private Runnable onFirstSent;

  /** @param onFirstSent runs once, when the first attempt's request has been handed on */
  Attempts(Vertx vertx, Exchange exchange, Map<String, Provider> providers, AttemptGuard guard,
      AttemptFeedback feedback, Runnable onFirstSent) {
    this.onFirstSent = onFirstSent;
    this.vertx = vertx;
    this.exchange = exchange;
    this.providers = providers;
    this.guard = guard;
    this.feedback = feedback;
    this.plan = exchange.plan();
  }

  RoutePlan plan() {
    return plan;
  }

  /**
   * Starts the deadline; {@code onExpiry} runs if it passes before {@link #answered()} (after it
   * has cancelled the attempt in flight).
   */
  void startClock(Runnable onExpiry) {
    this.onDeadline = onExpiry;
    restartClock();
  }

  /** Gives the client's wait a fresh deadline: the stream broke and a continuation starts. */
  void restartClock() {
    stopClock();
    timerId = vertx.setTimer(plan.deadline().toMillis(), id -> {
      timerId = -1;
      expired = true;
      cancelCurrent();
      onDeadline.run();
    });
  }

  void stopClock() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  /** True while another target may still be tried. */
  boolean hasNext() {
    return !expired && made < plan.maxAttempts() && nextIndex < plan.targets().size();
  }

  /**
   * The next target to try, made the exchange's current one (so the response headers name it),
   * or null when none is left. Skipped targets are noted for the final error.
   */
  Target next() {
    while (hasNext()) {
      Target target = plan.targets().get(nextIndex++);
      boolean last = nextIndex == plan.targets().size();
      if (!last && !guard.available(target)) {
        tried.add(label(target) + ": circuit open, skipped");
        continue;
      }
      made++;
      exchange.attempt(made, target);
      return target;
    }
    return null;
  }

  /**
   * Sends the request to the current target through its breaker; completes once the answer's
   * headers arrived, fails with the {@link GatewayException} the client would see.
   *
   * @param partial the answer so far, which this attempt continues; null for a fresh answer
   */
  Future<UpstreamResponse> send(String partial) {
    Target target = exchange.target();
    current = new Cancellation();
    sentNanos = System.nanoTime();
    Provider provider = providers.get(target.provider());
    if (provider == null) {
      return Future.failedFuture(new GatewayException(503, "server_error", "provider_unavailable", null,
          "Provider '" + target.provider() + "' is not available on this gateway."));
    }
    UpstreamCall call = new UpstreamCall(exchange.requestId(), exchange.request(), target.model(), current,
        exchange.context().request().headers(), exchange.costQuote(target), partial);
    return guard.guard(target, () -> {
      Future<UpstreamResponse> sent = provider.send(call);
      firstSent();
      return sent;
    });
  }

  /** Only a request the breaker let through counts as handed on. */
  private void firstSent() {
    if (onFirstSent != null) {
      onFirstSent.run();
      onFirstSent = null;
    }
  }

  /** Aborts the attempt in flight (the client went away, or the deadline passed). */
  void cancelCurrent() {
    if (current != null) {
      current.cancel();
    }
  }

  /** The current attempt's answer reached the client: the deadline is met, routing learns its latency. */
  void answered() {
    stopClock();
    feedback.succeeded(exchange.target(), System.nanoTime() - sentNanos);
  }

  /**
   * Records that the current attempt failed (with what it had delivered) and tells routing;
   * returns the failure to act on: {@code failure}, or the deadline's 504 when that cut it short.
   */
  GatewayException failed(GatewayException failure, Usage usage, long events) {
    GatewayException cause = expired ? deadlineError() : failure;
    Target target = exchange.target();
    records.add(new Completion.Attempt(target, usage, events, "error"));
    tried.add(label(target) + ": " + cause.status() + " " + (cause.code() == null ? cause.type() : cause.code()));
    failures.add(cause);
    if (!expired) {
      feedback.failed(target, cause);
    }
    return cause;
  }

  /** Records how the current attempt ended when it did not fail. */
  void ended(Usage usage, long events, String outcome) {
    records.add(new Completion.Attempt(exchange.target(), usage, events, outcome));
  }

  /** The completion of the request: every attempt made, however the request {@code outcome} was. */
  Completion completion(String outcome) {
    stopClock();
    return new Completion(true, records, outcome);
  }

  /**
   * What the attempts so far cost, as charged ({@link Completion.Attempt#charged}), or null
   * when they cost nothing: what a continuation or a later answer adds its own usage to.
   */
  Usage chargedSoFar() {
    Usage total = null;
    for (Completion.Attempt attempt : records) {
      Usage charged = attempt.charged(exchange.estimatedInputTokens());
      if (charged != null) {
        total = total == null ? charged : total.plus(charged);
      }
    }
    return total;
  }

  /** The cost of {@link #chargedSoFar()} in micro-dollars, or -1 when a target that cost something has no price. */
  long costSoFar() {
    long micros = 0;
    for (Completion.Attempt attempt : records) {
      Usage charged = attempt.charged(exchange.estimatedInputTokens());
      long cost = charged == null ? 0 : exchange.costQuote(attempt.target()).microDollars(charged);
      if (cost < 0) {
        return -1;
      }
      micros += cost;
    }
    return micros;
  }

  /** {@code usage} of the current attempt's answer priced, plus what the attempts before cost; -1 when unpriced. */
  long totalCost(Usage usage) {
    long before = costSoFar();
    long own = usage == null ? -1 : exchange.costQuote().microDollars(usage);
    return before < 0 || own < 0 ? -1 : before + own;
  }

  /** True when failing {@code failure} may go to another target. */
  boolean mayRetry(GatewayException failure) {
    return Failures.retryable(failure) && hasNext();
  }

  /** The error the client gets when no attempt answered; see {@link FailoverError}. */
  GatewayException exhausted() {
    return FailoverError.of(failures, tried);
  }

  private GatewayException deadlineError() {
    return GatewayException.timeout("The route's deadline of " + plan.deadline().toMillis()
        + " ms passed before an answer started.");
  }

  private static String label(Target target) {
    return target.provider() + "/" + target.model();
  }
}
