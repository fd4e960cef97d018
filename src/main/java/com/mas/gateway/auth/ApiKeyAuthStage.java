package com.mas.gateway.auth;

import com.mas.gateway.api.Exchange;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.api.Stage;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Establishes the tenant from {@code Authorization: Bearer <key>} or {@code x-api-key}, and
 * nothing else: a tenant header sent by the client ({@code X-Tenant-Id}, {@code X-Tenant}, ...)
 * is never read. Failures, whose messages never repeat the key that was sent:
 *
 * <ul>
 *   <li>401 {@code missing_api_key}: no key;
 *   <li>401 {@code invalid_api_key}: a key no tenant has;
 *   <li>403 {@code api_key_disabled}: a key in its tenant's {@code disabledKeySha256};
 *   <li>403 {@code tenant_suspended}: a key of a tenant with {@code suspended: true}.
 * </ul>
 *
 * The 403s use type {@code invalid_request_error}, as OpenAI does for its own 403s ("You are
 * not allowed to sample from this model"); OpenAI's SDKs map the status to {@code
 * PermissionDeniedError} either way.
 */
public final class ApiKeyAuthStage implements Stage {

  private static final String BEARER = "bearer ";
  private static final String TENANT_KEY = ApiKeyAuthStage.class.getName() + ".tenant";

  private final TenantRegistry tenants;

  public ApiKeyAuthStage(TenantRegistry tenants) {
    this.tenants = tenants;
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
    return tenants.directory().find(key)
        .map(match -> admit(exchange, match))
        .orElseGet(() -> Future.failedFuture(new GatewayException(401, "invalid_request_error",
            "invalid_api_key", null, "Incorrect API key provided.")));
  }

  /**
   * The tenant {@link #apply} established for a request outside the chat pipeline (such as {@code
   * GET /v1/models}), or null when it did not run or failed.
   */
  public static Tenant authenticated(RoutingContext context) {
    return context.get(TENANT_KEY);
  }

  private static Future<Void> admit(Exchange exchange, TenantDirectory.KeyMatch match) {
    Tenant tenant = match.tenant();
    if (!match.enabled()) {
      return Future.failedFuture(forbidden("api_key_disabled",
          "This API key has been disabled. Ask the gateway's operator for a new key."));
    }
    if (tenant.config().suspended()) {
      return Future.failedFuture(forbidden("tenant_suspended",
          "The tenant '" + tenant.id() + "' is suspended: its requests are refused until an operator reinstates it."));
    }
    exchange.tenant(tenant);
    exchange.context().put(TENANT_KEY, tenant);
    return Future.succeededFuture();
  }

  private static GatewayException forbidden(String code, String message) {
    return new GatewayException(403, "invalid_request_error", code, null, message);
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
