package com.mas.gateway.loadgen;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * One closed-loop user: sends a request, reads the whole response, records it, sends the next,
 * until the run window stops accepting requests. Runs entirely on the event loop of the
 * context that called {@link #start()}, which is also the one of its HTTP client.
 */
final class VirtualUser {
  // After a connection error, wait before retrying so a dead target is not hammered in a spin.
  private static final long RETRY_PAUSE_MS = 10;

  private final Vertx vertx;
  private final RoundTrip roundTrip;
  private final RunWindow window;
  private final LoadStats stats;
  // One exchange at a time per user, so one scanner serves all of them.
  private final SseScanner scanner = new SseScanner();
  // Completed by the loop itself; only its future leaves this object.
  private final Promise<Void> stopped = Promise.promise();

  VirtualUser(Vertx vertx, RoundTrip roundTrip, RunWindow window, LoadStats stats) {
    this.vertx = vertx;
    this.roundTrip = roundTrip;
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
    roundTrip.run(scanner).onSuccess(this::finished);
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
}
