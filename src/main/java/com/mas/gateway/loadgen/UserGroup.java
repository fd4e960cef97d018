package com.mas.gateway.loadgen;

import io.vertx.core.Future;
import io.vertx.core.Timer;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The virtual users of one event loop, with their own HTTP client whose pool holds one
 * keep-alive HTTP/1.1 connection per user (no pipelining). With a {@code --rate}, one
 * {@link PacedSender} sends the group's share of it over those connections instead.
 *
 * <p>Why a client per event loop rather than one shared client: the Vert.x 5 pool picks a free
 * connection LIFO with no regard to event loops, so a user on loop A would often get a
 * connection of loop B and every SSE chunk would hop threads, adding noise to the sub-millisecond
 * differences the load tests measure. Together the groups' pools hold {@code concurrency}
 * connections, as one shared pool would.
 */
final class UserGroup extends VerticleBase {
  private static final int CONNECT_TIMEOUT_MS = 10_000;

  private final LoadgenOptions options;
  private final int users;
  private final RunWindow window;
  private final LoadStats stats = new LoadStats();
  private HttpClientAgent client;
  private Timer hardStop;
  // Set in start(); read by the generator after the deployment completed.
  private volatile Future<LoadStats> finished;

  UserGroup(LoadgenOptions options, int users, RunWindow window) {
    this.options = options;
    this.users = users;
    this.window = window;
  }

  @Override
  public Future<?> start() {
    client = vertx.createHttpClient(clientOptions(), new PoolOptions().setHttp1MaxSize(users));
    RoundTrip roundTrip = new RoundTrip(client, RequestTemplate.of(options));
    List<Future<Void>> running = new ArrayList<>(users);
    if (options.rate() > 0) {
      // Open loop: this group's share of the rate, in proportion to its connections.
      double share = options.rate() * users / options.concurrency();
      running.add(new PacedSender(vertx, roundTrip, window, stats, share).start());
    } else {
      for (int i = 0; i < users; i++) {
        running.add(new VirtualUser(vertx, roundTrip, window, stats).start());
      }
    }
    // Closing the client aborts whatever is still in flight, so every user then stops.
    hardStop = vertx.timer(window.millisUntilHardStop(System.nanoTime()));
    hardStop.onSuccess(ignored -> client.close());
    finished = Future.all(running).map(stats);
    return Future.succeededFuture();
  }

  /**
   * Completes with this group's statistics once all its users have stopped: after the run
   * window, or at the hard stop at the latest. Only valid once the deployment has completed.
   */
  Future<LoadStats> finished() {
    return finished;
  }

  @Override
  public Future<?> stop() {
    // Null when start() failed half-way and Vert.x undeploys what it had started.
    if (hardStop != null) {
      hardStop.cancel();
    }
    return client == null ? Future.succeededFuture() : client.close();
  }

  private static HttpClientOptions clientOptions() {
    return new HttpClientOptions()
        .setProtocolVersion(HttpVersion.HTTP_1_1)
        .setKeepAlive(true)
        .setPipelining(false)
        .setTcpNoDelay(true)
        .setDecompressionSupported(false)
        .setConnectTimeout(CONNECT_TIMEOUT_MS);
  }
}
