package com.mas.gateway.config;

import java.time.Duration;

/**
 * The upstream connection pool of one provider. {@code maxConnections} bounds HTTP/1.1
 * connections per event loop's share of the pool; with {@code http2} the client negotiates
 * HTTP/2 (ALPN on TLS, prior knowledge never) and multiplexes streams over fewer connections.
 */
public record PoolConfig(int maxConnections, Duration keepAlive, boolean http2) {

  public static final PoolConfig DEFAULT = new PoolConfig(512, Duration.ofSeconds(60), true);

  public PoolConfig {
    if (maxConnections <= 0) {
      throw new IllegalArgumentException("maxConnections: must be positive, got " + maxConnections);
    }
    if (keepAlive == null) {
      keepAlive = DEFAULT.keepAlive();
    }
  }
}
