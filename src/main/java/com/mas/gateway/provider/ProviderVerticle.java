package com.mas.gateway.provider;

import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.provider.anthropic.AnthropicProtocol;
import com.mas.gateway.provider.gemini.GeminiProtocol;
import com.mas.gateway.provider.openai.OpenAiProtocol;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Owns one configured provider: it chooses the client implementation for the provider's wire
 * protocol and registers it, so that gateway event loops can create their own clients of it.
 * The circuit breakers and their recovery probes ({@link Provider#probe}) live in
 * {@code resilience.BreakerVerticle}, which shares them across instances.
 */
public final class ProviderVerticle extends VerticleBase {

  private final ProviderConfig config;
  private final ProviderRegistry registry;

  public ProviderVerticle(ProviderConfig config, ProviderRegistry registry) {
    this.config = config;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    registry.register(factoryFor(config));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    registry.unregister(config.name());
    return Future.succeededFuture();
  }

  static ProviderFactory factoryFor(ProviderConfig config) {
    return new HttpProviderFactory(config, protocolFor(config));
  }

  static WireProtocol protocolFor(ProviderConfig config) {
    return switch (config.type()) {
      case OPENAI, DEEPSEEK -> new OpenAiProtocol(config);
      case ANTHROPIC -> new AnthropicProtocol(config);
      case GEMINI -> new GeminiProtocol(config);
    };
  }
}
