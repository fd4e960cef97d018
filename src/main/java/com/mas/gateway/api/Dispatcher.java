package com.mas.gateway.api;

import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.provider.Provider;
import com.mas.gateway.resilience.AttemptFeedback;
import com.mas.gateway.resilience.AttemptGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;

/**
 * The failover dispatcher: sends a planned request to the targets of its route plan until one
 * answers, through each target's breaker ({@link AttemptGuard}), telling routing how each
 * attempt went ({@link AttemptFeedback}). A streamed answer is a {@link StreamAnswer} (which
 * also continues a stream that breaks), a whole one a {@link WholeAnswer}. Every failure is
 * rendered here; the response names the target that answered (or failed last) and the number
 * of attempts in {@code x-gateway-provider}, {@code x-gateway-model} and
 * {@code x-gateway-attempts}.
 */
final class Dispatcher {

  /** The cost of a whole answer in USD, e.g. {@code 0.001234}; streams report it in their usage chunk. */
  static final String COST_HEADER = "x-gateway-cost-usd";

  private final Vertx vertx;
  private final Map<String, Provider> providers;
  private final Map<String, ProviderConfig> configs;
  private final GatewayMetrics metrics;
  private final int maxEventBytes;
  private final AttemptGuard guard;
  private final AttemptFeedback feedback;

  Dispatcher(Vertx vertx, Map<String, Provider> providers, Map<String, ProviderConfig> configs,
      GatewayMetrics metrics, int maxEventBytes, AttemptGuard guard, AttemptFeedback feedback) {
    this.vertx = vertx;
    this.providers = providers;
    this.configs = configs;
    this.metrics = metrics;
    this.maxEventBytes = maxEventBytes;
    this.guard = guard;
    this.feedback = feedback;
  }

  /** Completes when the client's response has ended; every failure is already rendered. */
  Future<Void> dispatch(Exchange exchange) {
    Attempts attempts = new Attempts(vertx, exchange, providers, guard, feedback,
        () -> metrics.requestOverhead(System.nanoTime() - exchange.startNanos()));
    metrics.streamStarted();
    Future<String> answered = exchange.request().stream()
        ? new StreamAnswer(vertx, exchange, attempts, configs, maxEventBytes, () -> firstEvent(exchange)).run()
        : new WholeAnswer(vertx, exchange, attempts, configs).run();
    return answered
        .onComplete(result -> {
          String outcome = result.succeeded() ? result.result() : "error";
          metrics.streamEnded(exchange.target().provider(), outcome);
          exchange.complete(attempts.completion(outcome));
        })
        .mapEmpty();
  }

  private void firstEvent(Exchange exchange) {
    long now = System.nanoTime();
    if (exchange.upstreamReadNanos() != 0) {
      metrics.firstEventOverhead(now - exchange.upstreamReadNanos());
    }
    metrics.firstEvent(exchange.target().provider(), Duration.ofNanos(now - exchange.startNanos()));
  }
}
