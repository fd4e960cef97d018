package com.mas.gateway.loadgen;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;

/**
 * One closed-loop user: sends a request, reads the whole response, records it, sends the next,
 * until the run window stops accepting requests. Runs entirely on the event loop of the
 * context that called {@link #start()}, which is also the one of its HTTP client.
 */
final class VirtualUser {
  // After a connection error, wait before retrying so a dead target is not hammered in a spin.
  private static final long RETRY_PAUSE_MS = 10;

  private final Vertx vertx;
  private final HttpClient client;
  private final RequestTemplate template;
  private final RunWindow window;
  private final LoadStats stats;
  // One exchange at a time per user, so one scanner serves all of them.
  private final SseScanner scanner = new SseScanner();
  // Completed by the loop itself; only its future leaves this object.
  private final Promise<Void> stopped = Promise.promise();

  VirtualUser(Vertx vertx, HttpClient client, RequestTemplate template, RunWindow window,
      LoadStats stats) {
    this.vertx = vertx;
    this.client = client;
    this.template = template;
    this.window = window;
    this.stats = stats;
  }

  /** Starts the loop; the future completes (never fails) once the user has stopped. */
  Future<Void> start() {
    next();
    return stopped.future();
  }

  private void next() {
    if (!window.accepting(System.nanoTime())) {
      stopped.tryComplete();
      return;
    }
    exchange().onSuccess(this::finished);
  }

  private void finished(Exchange exchange) {
    if (window.measures(exchange.endNanos())) {
      stats.record(exchange);
    }
    if (exchange.error() == ErrorKind.CONNECTION) {
      vertx.timer(RETRY_PAUSE_MS).onComplete(ignored -> next());
    } else {
      next();
    }
  }

  /** One request and its whole response; never fails (failures become the exchange's error). */
  private Future<Exchange> exchange() {
    long start = System.nanoTime();
    return client.request(template.options())
        .compose(request -> request.send(template.body()))
        .compose(response -> read(response, start))
        .otherwise(failure -> Exchange.connectionFailure(start, System.nanoTime()));
  }

  private Future<Exchange> read(HttpClientResponse response, long start) {
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      // Read the body anyway so the connection goes back to the pool.
      return response.body().map(body -> Exchange.badStatus(start, System.nanoTime(), status));
    }
    return template.stream() ? readStream(response, start) : readBody(response, start);
  }

  private Future<Exchange> readStream(HttpClientResponse response, long start) {
    scanner.reset();
    response.handler(chunk -> scanner.feed(chunk, System.nanoTime()));
    return response.end().map(ignored -> new Exchange(start, System.nanoTime(),
        scanner.firstTokenNanos(), response.statusCode(), scanner.error(), scanner.tokens()));
  }

  private Future<Exchange> readBody(HttpClientResponse response, long start) {
    return response.body().map(body -> {
      long end = System.nanoTime();
      byte[] bytes = body.getBytes();
      long tokens = Math.max(0, JsonBytes.completionTokens(bytes, 0, bytes.length));
      return new Exchange(start, end, -1, response.statusCode(), null, tokens);
    });
  }
}
