package com.mas.gateway.api;

import com.mas.gateway.auth.ModelAllowList;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.routing.RoutePlan;
import com.mas.gateway.routing.RouteRequest;
import com.mas.gateway.routing.RouteTable;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Plans where the request goes: the router's current snapshot picks the route (rule, alias or
 * the model itself) and orders its targets; targets that cannot serve the request are already
 * left out. Of the plan, only the targets the tenant may use stay (a tenant allowed the alias by
 * name may use all of them); when none does, the plan stays whole and the model-permission stage
 * refuses it as before.
 */
final class ResolveStage implements Stage {

  private final Supplier<RouteTable> routes;

  ResolveStage(Supplier<RouteTable> routes) {
    this.routes = routes;
  }

  @Override
  public String name() {
    return "resolve";
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    RoutePlan plan = routes.get().plan(request(exchange));
    exchange.plan(allowed(plan, exchange.request().model(), exchange.tenant().config()));
    return Future.succeededFuture();
  }

  private static RouteRequest request(Exchange exchange) {
    String user = exchange.request().json().path("user").textValue();
    return new RouteRequest(exchange.request().model(), exchange.agentType(), exchange.tenant().id(),
        exchange.language(), exchange.needs(), exchange.estimatedInputTokens(), user);
  }

  private static RoutePlan allowed(RoutePlan plan, String requested, TenantConfig tenant) {
    if (tenant.allowedModels().isEmpty()) {
      return plan;
    }
    RoutePlan allowed = plan.narrowed(target -> ModelAllowList.allows(tenant, requested, target));
    return allowed == null ? plan : allowed;
  }
}
