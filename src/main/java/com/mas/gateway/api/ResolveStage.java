package com.mas.gateway.api;

import com.mas.gateway.routing.ModelCatalog;
import io.vertx.core.Future;

/** Resolves the requested model to a provider and upstream model. */
final class ResolveStage implements Stage {

  private final ModelCatalog catalog;

  ResolveStage(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String name() {
    return "resolve";
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    exchange.target(catalog.resolve(exchange.request().model()));
    return Future.succeededFuture();
  }
}
