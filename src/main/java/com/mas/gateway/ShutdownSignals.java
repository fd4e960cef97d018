package com.mas.gateway;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT drain the gateway: readiness turns false, the data port stops accepting,
 * streams in flight finish within the configured grace, then the process exits 0. A second
 * signal exits at once.
 */
final class ShutdownSignals {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

  private ShutdownSignals() {}

  static void install(Gateway gateway, Vertx vertx) {
    Duration grace = gateway.config().server().shutdownGrace();
    boolean[] draining = {false};
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(name), signal -> {
        synchronized (draining) {
          if (draining[0]) {
            Runtime.getRuntime().halt(1);
          }
          draining[0] = true;
        }
        LOG.info("SIG{} received: draining for up to {} s", name, grace.toSeconds());
        gateway.drain(grace)
            .eventually(() -> vertx.close())
            .onComplete(done -> {
              LOG.info("drained; exiting");
              Main.exitWith(0);
            });
      });
    }
  }
}
