package com.mas.gateway.provider;

import com.mas.gateway.config.ProviderConfig;
import io.vertx.core.Vertx;

/** Creates a provider's client; called once per event loop, on that loop. */
public interface ProviderFactory {

  ProviderConfig config();

  /** A new client bound to the calling context's event loop. */
  Provider create(Vertx vertx);
}
