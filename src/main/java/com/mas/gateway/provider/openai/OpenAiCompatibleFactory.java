package com.mas.gateway.provider.openai;

import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.provider.Provider;
import com.mas.gateway.provider.ProviderFactory;
import com.mas.gateway.provider.UpstreamClientOptions;
import io.vertx.core.Vertx;

/** Clients for OpenAI and OpenAI-compatible upstreams (DeepSeek, vLLM, ...). */
public final class OpenAiCompatibleFactory implements ProviderFactory {

  private final ProviderConfig config;

  public OpenAiCompatibleFactory(ProviderConfig config) {
    this.config = config;
  }

  @Override
  public ProviderConfig config() {
    return config;
  }

  @Override
  public Provider create(Vertx vertx) {
    var client = vertx.createHttpClient(UpstreamClientOptions.http(config), UpstreamClientOptions.pool(config));
    return new OpenAiCompatibleProvider(vertx, config, client);
  }
}
