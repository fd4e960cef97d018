package com.mas.gateway.api;

import com.mas.gateway.auth.ApiKeyAuthStage;
import com.mas.gateway.auth.ModelAllowList;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.routing.ModelCatalog;
import com.mas.gateway.routing.RouteTable;
import com.mas.gateway.routing.Target;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/models}: the routing aliases, then the models and aliases of the catalog, that
 * the calling tenant may use, in OpenAI's list shape. An id is listed exactly when a chat request
 * naming it would pass {@link ModelAllowList} (the same rule, on the same resolution: a routing
 * alias when the tenant may use one of its targets), so the list never offers a model that then
 * gets 403.
 */
final class ModelsHandler {

  private final List<Listed> entries;
  private final long created;
  private final Buffer everything;

  ModelsHandler(RouteTable routes, long created) {
    this.entries = entries(routes);
    this.created = created;
    this.everything = body(entries);
  }

  /** Runs after authentication: the tenant is the one {@link ApiKeyAuthStage} established. */
  void handle(RoutingContext context) {
    TenantConfig tenant = ApiKeyAuthStage.authenticated(context).config();
    Buffer body = tenant.allowedModels().isEmpty() ? everything : body(entries.stream()
        .filter(entry -> entry.targets().stream().anyMatch(t -> ModelAllowList.allows(tenant, entry.id(), t)))
        .toList());
    context.response().putHeader("content-type", "application/json").end(body);
  }

  /** One model id, who serves it and where it resolves. */
  private record Listed(String id, String ownedBy, List<Target> targets) {}

  private static List<Listed> entries(RouteTable routes) {
    List<Listed> entries = new ArrayList<>();
    routes.aliases().forEach((alias, targets) -> entries.add(new Listed(alias, "mas-gateway", targets)));
    ModelCatalog catalog = routes.catalog();
    for (ModelCatalog.ModelEntry entry : catalog.entries()) {
      entries.add(new Listed(entry.id(), entry.ownedBy(), List.of(catalog.resolve(entry.id()))));
    }
    return List.copyOf(entries);
  }

  private Buffer body(List<Listed> listed) {
    JsonArray data = new JsonArray();
    for (Listed entry : listed) {
      data.add(new JsonObject().put("id", entry.id()).put("object", "model").put("created", created)
          .put("owned_by", entry.ownedBy()));
    }
    return new JsonObject().put("object", "list").put("data", data).toBuffer();
  }
}
