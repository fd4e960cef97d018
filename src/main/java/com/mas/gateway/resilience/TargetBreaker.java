package com.mas.gateway.resilience;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.config.BreakerConfig;
import com.mas.gateway.routing.Target;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.FailurePolicy;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The breaker of one target. A Vert.x {@link CircuitBreaker} does what it does well: counts
 * failures in a row (a success resets the count), fails fast while open, moves to half-open on a
 * timer and lets exactly one trial through. What it cannot do is wrapped around it:
 * <ul>
 *   <li>a reset timeout that grows with openings in a row: its options are fixed when it is
 *       created, so every opening installs a fresh Vert.x breaker, opened, whose reset timeout is
 *       this opening's duration (a success installs a fresh closed one); each is one {@link Phase};
 *   <li>the failure ratio over a sliding window ({@link FailureWindow});
 *   <li>openings and closings another instance made (see {@link #applyOpen}, {@link #applyClosed}).
 * </ul>
 * Called from every event loop: the current phase is one atomic reference, read without a lock;
 * the Vert.x breaker synchronises its own short state changes. Events of a breaker that is no
 * longer current are ignored.
 */
final class TargetBreaker {

  /** Vert.x counts failures in a rolling window; this long, it means "in a row". */
  private static final long IN_A_ROW_WINDOW_MS = Duration.ofHours(1).toMillis();

  /** Only failures that say the provider is unhealthy count; any other outcome resets the count. */
  private static final FailurePolicy<Object> COUNTED = TargetBreaker::counts;

  /** Told about every state change this breaker makes by itself. */
  interface Transitions {
    void opened(TargetBreaker breaker, BreakerView view, String reason);

    void trialDue(TargetBreaker breaker);

    void closed(TargetBreaker breaker, BreakerView previous);
  }

  /** One life of a Vert.x breaker. */
  private record Phase(CircuitBreaker breaker, String state, int openings, long trialAtMillis) {}

  private final Target target;
  private final Vertx vertx;
  private final BreakerConfig config;
  private final Transitions transitions;
  private final FailureWindow window;
  private final AtomicReference<Phase> phase = new AtomicReference<>();

  TargetBreaker(Target target, Vertx vertx, BreakerConfig config, Transitions transitions) {
    this.target = target;
    this.vertx = vertx;
    this.config = config;
    this.transitions = transitions;
    this.window = new FailureWindow(config.ratioWindow(), config.failureRatio(), config.ratioMinRequests());
    phase.set(closedPhase());
  }

  Target target() {
    return target;
  }

  /** False while open and its trial is not due yet. */
  boolean available() {
    Phase current = phase.get();
    return !BreakerView.OPEN.equals(current.state) || System.currentTimeMillis() >= current.trialAtMillis;
  }

  BreakerView view() {
    return view(phase.get());
  }

  private BreakerView view(Phase of) {
    return new BreakerView(target, of.state, of.openings, of.trialAtMillis);
  }

  /** Runs {@code attempt} through the current breaker; see {@link AttemptGuard#guard}. */
  <T> Future<T> guard(Supplier<Future<T>> attempt) {
    Phase current = phase.get();
    return current.breaker.<T>execute(attempt).transform(result -> {
      if (result.failed() && result.cause() instanceof OpenCircuitException) {
        return Future.failedFuture(openFailure(phase.get()));
      }
      recordInWindow(current, result);
      return result.succeeded() ? Future.succeededFuture(result.result()) : Future.failedFuture(result.cause());
    });
  }

  /** Another instance opened this target's breaker: open here too unless already open as long. True if it did. */
  boolean applyOpen(int openings, long trialAtMillis) {
    Phase current = phase.get();
    long remaining = trialAtMillis - System.currentTimeMillis();
    if (remaining <= 0 || !BreakerView.CLOSED.equals(current.state) && current.openings >= openings) {
      return false;
    }
    return reset(current, openPhase(openings, trialAtMillis));
  }

  /** Another instance's trial succeeded: close here too. True if it was not closed. */
  boolean applyClosed() {
    Phase current = phase.get();
    return !BreakerView.CLOSED.equals(current.state) && reset(current, closedPhase());
  }

  private boolean reset(Phase from, Phase to) {
    if (phase.compareAndSet(from, to)) {
      window.reset();
      return true;
    }
    return false;
  }

  private void recordInWindow(Phase current, AsyncResult<?> result) {
    if (BreakerView.CLOSED.equals(current.state)
        && window.record(counts(result), System.nanoTime()) && phase.get() == current) {
      open(current, "failure ratio at least " + config.failureRatio() + " over " + config.ratioWindow().toSeconds()
          + " s");
    }
  }

  private void opened(CircuitBreaker breaker) {
    Phase current = phase.get();
    if (current.breaker == breaker) {
      open(current, BreakerView.HALF_OPEN.equals(current.state) ? "trial failed"
          : "failures in a row: " + config.consecutiveFailures());
    }
  }

  private void open(Phase from, String reason) {
    Phase next = openPhase(from.openings + 1,
        System.currentTimeMillis() + config.openDuration(from.openings + 1).toMillis());
    if (reset(from, next)) {
      transitions.opened(this, view(next), reason);
    }
  }

  private void halfOpened(CircuitBreaker breaker) {
    Phase current = phase.get();
    if (current.breaker == breaker && BreakerView.OPEN.equals(current.state)
        && phase.compareAndSet(current, new Phase(breaker, BreakerView.HALF_OPEN, current.openings,
            current.trialAtMillis))) {
      transitions.trialDue(this);
    }
  }

  private void closed(CircuitBreaker breaker) {
    Phase current = phase.get();
    if (current.breaker == breaker && reset(current, closedPhase())) {
      transitions.closed(this, view(current));
    }
  }

  private Phase closedPhase() {
    return new Phase(watched(breaker(config.openBase())), BreakerView.CLOSED, 0, 0);
  }

  /** Handlers are attached after {@code open()}, so that opening it is not taken for a new failure. */
  private Phase openPhase(int openings, long trialAtMillis) {
    CircuitBreaker breaker = breaker(Duration.ofMillis(trialAtMillis - System.currentTimeMillis())).open();
    return new Phase(watched(breaker), BreakerView.OPEN, openings, trialAtMillis);
  }

  private CircuitBreaker breaker(Duration resetTimeout) {
    CircuitBreakerOptions options = new CircuitBreakerOptions()
        .setMaxFailures(config.consecutiveFailures())
        .setFailuresRollingWindow(IN_A_ROW_WINDOW_MS)
        .setResetTimeout(Math.max(1, resetTimeout.toMillis()))
        .setTimeout(-1) // the provider times out connect and first byte itself
        .setNotificationAddress(null); // no periodic event-bus metrics per breaker
    return CircuitBreaker.create(target.provider() + "/" + target.model(), vertx, options).failurePolicy(COUNTED);
  }

  private CircuitBreaker watched(CircuitBreaker breaker) {
    return breaker.openHandler(v -> opened(breaker))
        .halfOpenHandler(v -> halfOpened(breaker))
        .closeHandler(v -> closed(breaker));
  }

  private GatewayException openFailure(Phase current) {
    long waitMillis = Math.max(0, current.trialAtMillis - System.currentTimeMillis());
    String until = current.trialAtMillis == 0 ? "its trial ends" : Instant.ofEpochMilli(current.trialAtMillis).toString();
    return new GatewayException(503, "server_error", Failures.CIRCUIT_OPEN, null,
        "Provider '" + target.provider() + "' model '" + target.model() + "' is unavailable: its circuit breaker is open"
            + " after repeated failures (next trial at " + until + ").",
        Map.of("retry-after", Long.toString(Math.max(1, (waitMillis + 999) / 1000))));
  }

  private static boolean counts(AsyncResult<?> result) {
    return result.failed() && result.cause() instanceof GatewayException failure
        && Failures.countsAgainstProvider(failure);
  }
}
