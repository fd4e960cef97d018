package com.mas.gateway.provider;

import com.mas.gateway.config.ProviderConfig;
import io.vertx.core.Vertx;

/** Creates {@link HttpProvider}s that speak one {@link WireProtocol}. */
public final class HttpProviderFactory implements ProviderFactory {

  private final ProviderConfig config;
  private final WireProtocol protocol;

  public HttpProviderFactory(ProviderConfig config, WireProtocol protocol) {
    this.config = config;
    this.protocol = protocol;
  }

  @Override
  public ProviderConfig config() {
    return config;
  }

  @Override
  public Provider create(Vertx vertx) {
    var client = vertx.createHttpClient(UpstreamClientOptions.http(config), UpstreamClientOptions.pool(config));
    return new HttpProvider(vertx, config, client, protocol);
  }
}
