package com.mas.gateway.api;

import com.mas.gateway.routing.CapabilityCheck;
import com.mas.gateway.routing.ModelCatalog;
import com.mas.gateway.routing.RoutePlan;
import com.mas.gateway.routing.Target;
import io.vertx.core.Future;

/**
 * Plans where the request goes: the {@link PlanSource}'s plan when it has one, else the
 * requested model resolved to the one provider and upstream model that serve it.
 */
final class ResolveStage implements Stage {

  private final ModelCatalog catalog;
  private final PlanSource plans;

  ResolveStage(ModelCatalog catalog, PlanSource plans) {
    this.catalog = catalog;
    this.plans = plans;
  }

  @Override
  public String name() {
    return "resolve";
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    RoutePlan plan = plans.plan(exchange);
    if (plan == null) {
      Target target = catalog.resolve(exchange.request().model());
      plan = RoutePlan.single(exchange.request().model(), target);
    }
    CapabilityCheck.require(exchange.needs(), catalog.capabilities(plan.primary()), plan.primary());
    exchange.plan(plan);
    return Future.succeededFuture();
  }
}
