package com.mas.gateway.api;

import com.mas.gateway.chat.CostQuote;
import com.mas.gateway.chat.Usage;
import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.provider.BodyCollector;
import com.mas.gateway.provider.Cancellation;
import com.mas.gateway.provider.Provider;
import com.mas.gateway.provider.UpstreamCall;
import com.mas.gateway.provider.UpstreamResponse;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends a resolved request to its provider and answers the client: a streamed answer through a
 * {@link StreamRelay}, a whole one as JSON. A client that goes away at any point cancels the
 * upstream attempt.
 */
final class Dispatcher {

  /** The cost of a whole answer in USD, e.g. {@code 0.001234}; streams report it in their usage chunk. */
  static final String COST_HEADER = "x-gateway-cost-usd";

  /** Non-streaming answers are read whole; this bounds one in memory. */
  private static final int MAX_COMPLETE_BODY = 16 * 1024 * 1024;

  private final Vertx vertx;
  private final Map<String, Provider> providers;
  private final Map<String, ProviderConfig> configs;
  private final GatewayMetrics metrics;
  private final int maxEventBytes;

  Dispatcher(Vertx vertx, Map<String, Provider> providers, Map<String, ProviderConfig> configs,
      GatewayMetrics metrics, int maxEventBytes) {
    this.vertx = vertx;
    this.providers = providers;
    this.configs = configs;
    this.metrics = metrics;
    this.maxEventBytes = maxEventBytes;
  }

  /** Completes when the client's response has ended; failures are already rendered. */
  Future<Void> dispatch(Exchange exchange) {
    String providerName = exchange.target().provider();
    Provider provider = providers.get(providerName);
    if (provider == null) {
      return Future.failedFuture(new GatewayException(503, "server_error", "provider_unavailable", null,
          "Provider '" + providerName + "' is not available on this gateway."));
    }
    Cancellation cancellation = new Cancellation();
    HttpServerResponse response = exchange.context().response();
    response.closeHandler(v -> cancellation.cancel());
    UpstreamCall call = new UpstreamCall(exchange.requestId(), exchange.request(), exchange.target().model(),
        cancellation, exchange.context().request().headers(), exchange.costQuote());
    metrics.streamStarted();
    AnswerTally tally = new AnswerTally();
    return provider.send(call)
        .compose(upstream -> answer(exchange, upstream, tally))
        .onComplete(result -> {
          String outcome = outcome(result, cancellation);
          metrics.streamEnded(providerName, outcome);
          exchange.complete(new Completion(true, tally.usage(), tally.events(), outcome));
        })
        .mapEmpty();
  }

  private Future<?> answer(Exchange exchange, UpstreamResponse upstream, AnswerTally tally) {
    tally.translator(upstream.translator());
    long idleMillis = configs.get(exchange.target().provider()).timeouts().idle().toMillis();
    if (exchange.request().stream()) {
      return new StreamRelay(vertx, exchange, upstream, idleMillis, () -> firstEvent(exchange), tally)
          .run(maxEventBytes);
    }
    return collectWhole(upstream, idleMillis)
        .map(body -> upstream.translator().completeBody(body))
        .compose(body -> {
          tally.counted();
          return respondComplete(exchange, body, upstream.translator().usage());
        });
  }

  /** Reads a whole (non-streaming) answer; silence longer than the idle limit is a 504. */
  private Future<Buffer> collectWhole(UpstreamResponse upstream, long idleMillis) {
    boolean[] idle = {false};
    IdleWatchdog watchdog = new IdleWatchdog(vertx, idleMillis, () -> {
      idle[0] = true;
      upstream.cancellation().cancel();
    });
    watchdog.start();
    return BodyCollector.collect(upstream.body(), MAX_COMPLETE_BODY, watchdog::touch)
        .eventually(() -> {
          watchdog.stop();
          return Future.succeededFuture();
        })
        .recover(failure -> Future.failedFuture(idle[0]
            ? GatewayException.timeout("The upstream provider sent nothing for " + idleMillis + " ms.")
            : GatewayException.badGateway("upstream_stream_cut", "The upstream provider's response broke off.")));
  }

  /** A whole answer, with its cost in {@code x-gateway-cost-usd} when the model has a price. */
  private Future<Void> respondComplete(Exchange exchange, Buffer body, Usage usage) {
    HttpServerResponse response = exchange.context().response();
    if (response.closed()) {
      return Future.succeededFuture();
    }
    response.setStatusCode(200).putHeader("content-type", "application/json");
    long cost = usage == null ? -1 : exchange.costQuote().microDollars(usage);
    if (cost >= 0) {
      response.putHeader(COST_HEADER, CostQuote.usd(cost));
    }
    GatewayVerticle.routeHeaders(exchange);
    return response.end(body);
  }

  private void firstEvent(Exchange exchange) {
    metrics.firstEvent(exchange.target().provider(), Duration.ofNanos(System.nanoTime() - exchange.startNanos()));
  }

  /** A stream's relay says how it ended; a whole answer ended well unless it failed or was cancelled. */
  private static String outcome(AsyncResult<?> result, Cancellation cancellation) {
    if (result.succeeded() && result.result() instanceof StreamRelay.Outcome relayed) {
      return switch (relayed) {
        case COMPLETED -> "ok";
        case FAILED -> "error";
        case CLIENT_GONE -> "client_gone";
      };
    }
    if (cancellation.cancelled()) {
      return result.succeeded() ? "client_gone" : "cancelled";
    }
    return result.succeeded() ? "ok" : "error";
  }
}
