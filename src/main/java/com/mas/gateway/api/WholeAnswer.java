package com.mas.gateway.api;

import com.mas.gateway.chat.CostQuote;
import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.provider.BodyCollector;
import com.mas.gateway.provider.UpstreamResponse;
import com.mas.gateway.resilience.Failures;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;

/**
 * One non-streamed answer, over as many attempts as it takes ({@link Attempts}): nothing reaches
 * the client before a whole answer has, so any retryable failure (an error status, a reset, a
 * timeout, an open breaker, a body that broke off or went silent) goes to the next target, and
 * the client gets the first whole answer, or one error ({@link FailoverError}). A client that
 * goes away cancels the attempt in flight. Runs on the request's event loop.
 */
final class WholeAnswer {

  /** Non-streaming answers are read whole; this bounds one in memory. */
  private static final int MAX_COMPLETE_BODY = 16 * 1024 * 1024;

  private final Vertx vertx;
  private final Exchange exchange;
  private final Attempts attempts;
  private final Map<String, ProviderConfig> configs;
  private final Promise<String> done = Promise.promise();
  private boolean clientGone;

  WholeAnswer(Vertx vertx, Exchange exchange, Attempts attempts, Map<String, ProviderConfig> configs) {
    this.vertx = vertx;
    this.exchange = exchange;
    this.attempts = attempts;
    this.configs = configs;
  }

  /** Completes with the request's outcome once the client's response has ended. */
  Future<String> run() {
    exchange.context().response().closeHandler(v -> {
      clientGone = true;
      attempts.cancelCurrent();
    });
    attempts.startClock(() -> {});
    attempt();
    return done.future();
  }

  private void attempt() {
    attempts.next();
    attempts.send(null)
        .compose(upstream -> collect(upstream).map(body -> upstream.translator().completeBody(body))
            .onSuccess(body -> answered(upstream, body)))
        .onFailure(failure -> failed(ErrorRenderer.classify(failure)));
  }

  private void answered(UpstreamResponse upstream, Buffer body) {
    attempts.answered();
    long cost = attempts.totalCost(upstream.translator().usage());
    attempts.ended(upstream.translator().usage(), 1, clientGone ? "client_gone" : "ok");
    respond(body, cost);
    done.tryComplete(clientGone ? "client_gone" : "ok");
  }

  private void failed(GatewayException failure) {
    if (clientGone) {
      attempts.ended(null, 0, "cancelled");
      done.tryComplete("cancelled");
      return;
    }
    GatewayException cause = attempts.failed(failure, null, 0);
    if (attempts.mayRetry(cause)) {
      attempt();
      return;
    }
    GatewayVerticle.routeHeaders(exchange);
    ErrorRenderer.respond(exchange.context().response(), Failures.retryable(cause) ? attempts.exhausted() : cause);
    done.tryComplete("error");
  }

  /** Reads a whole answer; silence longer than the target's idle limit is a 504. */
  private Future<Buffer> collect(UpstreamResponse upstream) {
    long idleMillis = configs.get(exchange.target().provider()).timeouts().idle().toMillis();
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

  /** A whole answer, with the cost of every attempt in {@code x-gateway-cost-usd} when all have a price. */
  private void respond(Buffer body, long costMicros) {
    HttpServerResponse response = exchange.context().response();
    if (response.closed()) {
      return;
    }
    response.setStatusCode(200).putHeader("content-type", "application/json");
    if (costMicros >= 0) {
      response.putHeader(Dispatcher.COST_HEADER, CostQuote.usd(costMicros));
    }
    GatewayVerticle.routeHeaders(exchange);
    response.end(exchange.answerFilter().whole(body));
  }
}
