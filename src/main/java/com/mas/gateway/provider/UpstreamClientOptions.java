package com.mas.gateway.provider;

import com.mas.gateway.config.ProviderConfig;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.net.URI;

/** Maps a provider's config to the Vert.x options of its HTTP client. */
public final class UpstreamClientOptions {

  private UpstreamClientOptions() {}

  public static HttpClientOptions http(ProviderConfig config) {
    boolean tls = URI.create(config.baseUrl()).getScheme().equalsIgnoreCase("https");
    HttpClientOptions options = new HttpClientOptions()
        .setConnectTimeout((int) config.timeouts().connect().toMillis())
        .setKeepAlive(true)
        .setKeepAliveTimeout((int) Math.max(1, config.pool().keepAlive().toSeconds()))
        .setTcpNoDelay(true)
        .setDecompressionSupported(false)
        .setSsl(tls);
    // HTTP/2 only where ALPN can negotiate it; cleartext upstreams keep HTTP/1.1 (no h2c upgrade).
    if (tls && config.pool().http2()) {
      options.setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(true);
    }
    return options;
  }

  /** Pool bounds; the pool serves the event loop that created the client (event-loop size 0). */
  public static PoolOptions pool(ProviderConfig config) {
    return new PoolOptions()
        .setHttp1MaxSize(config.pool().maxConnections())
        .setHttp2MaxSize(Math.max(1, config.pool().maxConnections() / 64))
        .setMaxWaitQueueSize(-1);
  }
}
