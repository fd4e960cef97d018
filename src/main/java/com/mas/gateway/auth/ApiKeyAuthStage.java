package com.mas.gateway.auth;

import com.mas.gateway.api.Exchange;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.api.Stage;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/**
 * Establishes the tenant from {@code Authorization: Bearer <key>} or {@code x-api-key}. A
 * missing or unknown key is a 401 whose message never repeats the key that was sent.
 */
public final class ApiKeyAuthStage implements Stage {

  private static final String BEARER = "bearer ";

  private final TenantDirectory directory;

  public ApiKeyAuthStage(TenantDirectory directory) {
    this.directory = directory;
  }

  @Override
  public String name() {
    return "auth";
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    String key = presentedKey(exchange.context().request());
    if (key == null || key.isEmpty()) {
      return Future.failedFuture(new GatewayException(401, "invalid_request_error", "missing_api_key", null,
          "You didn't provide an API key. Send it as 'Authorization: Bearer YOUR_KEY'."));
    }
    return directory.find(key)
        .map(tenant -> {
          exchange.tenant(tenant);
          return Future.<Void>succeededFuture();
        })
        .orElseGet(() -> Future.failedFuture(new GatewayException(401, "invalid_request_error",
            "invalid_api_key", null, "Incorrect API key provided.")));
  }

  static String presentedKey(HttpServerRequest request) {
    String authorization = request.getHeader("authorization");
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return authorization.substring(BEARER.length()).trim();
    }
    String apiKey = request.getHeader("x-api-key");
    return apiKey == null ? null : apiKey.trim();
  }
}
