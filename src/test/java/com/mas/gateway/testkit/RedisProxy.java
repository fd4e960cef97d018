package com.mas.gateway.testkit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of the real Redis on a fixed loopback port, to take Redis away from a
 * gateway mid-test and give it back: {@link #cut()} closes the listener and every proxied
 * connection (the gateway sees refused connections), {@link #restore()} listens again.
 */
public final class RedisProxy implements AutoCloseable {

  private final Vertx vertx;
  private final String redisHost;
  private final int redisPort;
  private final NetClient client;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private NetServer server;
  private int port;

  public RedisProxy(Vertx vertx, String redisUrl) {
    URI uri = URI.create(redisUrl);
    this.vertx = vertx;
    this.redisHost = uri.getHost();
    this.redisPort = uri.getPort() < 0 ? 6379 : uri.getPort();
    this.client = vertx.createNetClient();
    listen(0);
  }

  /** The URL that reaches Redis through this proxy. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Redis goes away: connections are cut and new ones refused. */
  public void cut() {
    Await.result(server.close());
    List<Future<Void>> closing = sockets.stream().map(NetSocket::close).toList();
    Await.result(Future.join(closing));
    sockets.clear();
  }

  /** Redis comes back on the same port. */
  public void restore() {
    listen(port);
  }

  private void listen(int onPort) {
    server = vertx.createNetServer().connectHandler(this::forward);
    port = Await.result(server.listen(onPort, "127.0.0.1")).actualPort();
  }

  private void forward(NetSocket inbound) {
    inbound.pause();
    sockets.add(inbound);
    client.connect(redisPort, redisHost).onComplete(connected -> {
      if (connected.failed()) {
        inbound.close();
        return;
      }
      NetSocket outbound = connected.result();
      sockets.add(outbound);
      inbound.closeHandler(v -> outbound.close());
      outbound.closeHandler(v -> inbound.close());
      inbound.pipeTo(outbound);
      outbound.pipeTo(inbound);
      inbound.resume();
    });
  }

  @Override
  public void close() {
    cut();
    Await.result(client.close());
  }
}
