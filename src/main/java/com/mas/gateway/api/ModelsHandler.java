package com.mas.gateway.api;

import com.mas.gateway.auth.ApiKeyAuthStage;
import com.mas.gateway.auth.ModelAllowList;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.routing.ModelCatalog;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /v1/models}: the models and aliases the calling tenant may use, in OpenAI's list
 * shape. An id is listed exactly when a chat request naming it would pass {@link ModelAllowList}
 * (the same rule, on the same resolution), so the list never offers a model that then gets 403.
 */
final class ModelsHandler {

  private final ModelCatalog catalog;
  private final long created;
  private final Buffer everything;

  ModelsHandler(ModelCatalog catalog, long created) {
    this.catalog = catalog;
    this.created = created;
    this.everything = body(catalog.entries());
  }

  /** Runs after authentication: the tenant is the one {@link ApiKeyAuthStage} established. */
  void handle(RoutingContext context) {
    TenantConfig tenant = ApiKeyAuthStage.authenticated(context).config();
    Buffer body = tenant.allowedModels().isEmpty() ? everything : body(catalog.entries().stream()
        .filter(entry -> ModelAllowList.allows(tenant, entry.id(), catalog.resolve(entry.id())))
        .toList());
    context.response().putHeader("content-type", "application/json").end(body);
  }

  private Buffer body(List<ModelCatalog.ModelEntry> entries) {
    JsonArray data = new JsonArray();
    for (ModelCatalog.ModelEntry entry : entries) {
      data.add(new JsonObject().put("id", entry.id()).put("object", "model").put("created", created)
          .put("owned_by", entry.ownedBy()));
    }
    return new JsonObject().put("object", "list").put("data", data).toBuffer();
  }
}
