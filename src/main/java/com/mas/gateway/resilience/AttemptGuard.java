package com.mas.gateway.resilience;

import com.mas.gateway.routing.Target;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * The circuit breakers around upstream attempts: one per target, wrapping the attempt only until
 * the answer's headers arrived (what happens in the body is the stream's business).
 */
public interface AttemptGuard {

  /** No breakers: every target is always available. */
  AttemptGuard NONE = new AttemptGuard() {
    @Override
    public boolean available(Target target) {
      return true;
    }

    @Override
    public <T> Future<T> guard(Target target, Supplier<Future<T>> attempt) {
      return attempt.get();
    }
  };

  /** False while the target's breaker is open (its trial time has not come). */
  boolean available(Target target);

  /**
   * Runs {@code attempt} through the target's breaker. An open breaker fails at once with a 503
   * {@code GatewayException} (code {@code circuit_open}) without calling {@code attempt}; an
   * attempt failure that says the provider is unhealthy ({@link Failures#countsAgainstProvider})
   * counts against the breaker.
   */
  <T> Future<T> guard(Target target, Supplier<Future<T>> attempt);
}
