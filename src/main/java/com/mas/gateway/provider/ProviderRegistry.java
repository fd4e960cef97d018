package com.mas.gateway.provider;

import io.vertx.core.Vertx;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each {@link ProviderVerticle} registers its provider, and where every gateway event loop
 * gets clients of its own. Registration happens at deployment; lookups take a snapshot.
 */
public final class ProviderRegistry {

  private final Map<String, ProviderFactory> factories = Collections.synchronizedMap(new LinkedHashMap<>());

  public void register(ProviderFactory factory) {
    factories.put(factory.config().name(), factory);
  }

  public void unregister(String name) {
    factories.remove(name);
  }

  /** Creates one client per registered provider, bound to the calling context's event loop. */
  public Map<String, Provider> bind(Vertx vertx) {
    Map<String, Provider> providers = new LinkedHashMap<>();
    synchronized (factories) {
      factories.forEach((name, factory) -> providers.put(name, factory.create(vertx)));
    }
    return Collections.unmodifiableMap(providers);
  }
}
