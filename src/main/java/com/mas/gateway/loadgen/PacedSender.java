package com.mas.gateway.loadgen;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Open-loop load: sends requests at a fixed rate whether or not earlier ones have been answered,
 * the way independent clients arrive, so a slower server meets the same offered load instead of
 * a politely slowed-down one (closed loops hide latency that way). Request n is due at
 * {@code start + n / rate}; a timer issues whatever is due, so requests leave within about a
 * millisecond of their time. At most the pool's connections are in flight; a request that waits
 * for a connection has its wait counted in its latency. Runs on the event loop of its HTTP
 * client.
 */
final class PacedSender {

  private final Vertx vertx;
  private final RoundTrip roundTrip;
  private final RunWindow window;
  private final LoadStats stats;
  private final double perNano;
  private final Promise<Void> stopped = Promise.promise();
  private long startNanos;
  private long sent;
  private long inFlight;
  private boolean done;

  /** Sends {@code ratePerSecond} requests a second (more than 0). */
  PacedSender(Vertx vertx, RoundTrip roundTrip, RunWindow window, LoadStats stats, double ratePerSecond) {
    this.vertx = vertx;
    this.roundTrip = roundTrip;
    this.window = window;
    this.stats = stats;
    this.perNano = ratePerSecond / 1e9;
  }

  /** Starts sending; the future completes once the window closed and every answer is in. */
  Future<Void> start() {
    startNanos = System.nanoTime();
    tick();
    return stopped.future();
  }

  private void tick() {
    long now = System.nanoTime();
    if (!window.accepting(now)) {
      done = true;
      stopIfIdle();
      return;
    }
    long due = (long) ((now - startNanos) * perNano) + 1;
    for (; sent < due; sent++) {
      send();
    }
    long nextDueNanos = startNanos + (long) Math.ceil(sent / perNano);
    vertx.setTimer(Math.max(1, (nextDueNanos - now) / 1_000_000), id -> tick());
  }

  private void send() {
    inFlight++;
    SseScanner scanner = roundTrip.stream() ? new SseScanner() : null;
    roundTrip.run(scanner).onSuccess(exchange -> {
      inFlight--;
      if (window.measures(exchange.endNanos())) {
        stats.record(exchange);
      }
      stopIfIdle();
    });
  }

  private void stopIfIdle() {
    if (done && inFlight == 0) {
      stopped.tryComplete();
    }
  }
}
