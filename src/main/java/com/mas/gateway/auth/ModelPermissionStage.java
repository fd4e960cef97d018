package com.mas.gateway.auth;

import com.mas.gateway.api.Exchange;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.api.Stage;
import com.mas.gateway.routing.Target;
import io.vertx.core.Future;

/**
 * Refuses a model the tenant may not use ({@link ModelAllowList}) with 403 {@code
 * model_not_allowed}, param {@code model}. Runs after the model was resolved and before any
 * limit or budget is consumed, so a refused request costs the tenant nothing.
 */
public final class ModelPermissionStage implements Stage {

  @Override
  public String name() {
    return "model-permission";
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    String requested = exchange.request().model();
    Target target = exchange.target();
    if (ModelAllowList.allows(exchange.tenant().config(), requested, target)) {
      return Future.succeededFuture();
    }
    return Future.failedFuture(new GatewayException(403, "invalid_request_error", "model_not_allowed", "model",
        "The model '" + requested + "'" + resolvedNote(requested, target) + " is not allowed for tenant '"
            + exchange.tenant().id() + "'. Use GET /v1/models to list the models you can use."));
  }

  private static String resolvedNote(String requested, Target target) {
    String resolved = target.provider() + "/" + target.model();
    return resolved.equals(requested) ? "" : " (" + resolved + ")";
  }
}
