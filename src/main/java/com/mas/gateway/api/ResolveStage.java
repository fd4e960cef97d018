package com.mas.gateway.api;

import com.mas.gateway.routing.CapabilityCheck;
import com.mas.gateway.routing.ModelCatalog;
import com.mas.gateway.routing.RoutePlan;
import com.mas.gateway.routing.Target;
import io.vertx.core.Future;

/** Resolves the requested model to a provider and upstream model that can serve the request. */
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
    Target target = catalog.resolve(exchange.request().model());
    CapabilityCheck.require(exchange.needs(), catalog.capabilities(target), target);
    exchange.plan(RoutePlan.single(exchange.request().model(), target));
    return Future.succeededFuture();
  }
}
