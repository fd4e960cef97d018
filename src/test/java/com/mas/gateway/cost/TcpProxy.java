package com.mas.gateway.cost;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a real server (here Redis), that a test can stop, which
 * also cuts every connection through it, and start again on the same port: an outage on demand.
 */
final class TcpProxy {

  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final NetClient client;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private NetServer server;
  private int port;

  TcpProxy(Vertx vertx, String targetHost, int targetPort) {
    this.vertx = vertx;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.client = vertx.createNetClient();
  }

  /** Listens on {@code port} (0 the first time: any free port); completes with the port. */
  Future<Integer> start(int requestedPort) {
    server = vertx.createNetServer().connectHandler(this::accept);
    return server.listen(requestedPort, "127.0.0.1").map(s -> port = s.actualPort());
  }

  int port() {
    return port;
  }

  /** Stops listening and closes every connection through the proxy. */
  Future<Void> stop() {
    sockets.forEach(NetSocket::close);
    sockets.clear();
    return server.close();
  }

  private void accept(NetSocket inbound) {
    inbound.pause();
    sockets.add(inbound);
    client.connect(targetPort, targetHost).onSuccess(outbound -> {
      sockets.add(outbound);
      inbound.pipeTo(outbound);
      outbound.pipeTo(inbound);
      inbound.resume();
    }).onFailure(failure -> inbound.close());
  }
}
