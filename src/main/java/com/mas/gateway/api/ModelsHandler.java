package com.mas.gateway.api;

import com.mas.gateway.routing.ModelCatalog;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v1/models}: the models and aliases a caller may use, in OpenAI's list shape. */
final class ModelsHandler {

  private final Buffer body;

  ModelsHandler(ModelCatalog catalog, long created) {
    JsonArray data = new JsonArray();
    for (ModelCatalog.ModelEntry entry : catalog.entries()) {
      data.add(new JsonObject().put("id", entry.id()).put("object", "model").put("created", created)
          .put("owned_by", entry.ownedBy()));
    }
    this.body = new JsonObject().put("object", "list").put("data", data).toBuffer();
  }

  void handle(RoutingContext context) {
    context.response().putHeader("content-type", "application/json").end(body);
  }
}
