package com.mas.gateway.admin;

import com.mas.gateway.api.ErrorRenderer;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.config.AdminKey;
import com.mas.gateway.config.ApiKeyHash;
import com.mas.gateway.state.LogThrottle;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits admin requests that carry the admin key ({@code Authorization: Bearer <key>} or
 * {@code x-admin-key}), compared as SHA-256 hashes in constant time, and records who is acting:
 * the {@code X-Admin-User} header, else the key's configured name. Without a configured key every
 * admin request is refused with 403 {@code admin_disabled}. Refusals never repeat the key sent.
 */
final class AdminAuth implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);
  private static final String WHO = AdminAuth.class.getName() + ".who";
  private static final String BEARER = "bearer ";
  private static final int MAX_USER_LENGTH = 64;

  private final AdminKey key;
  private final byte[] expected;
  private final LogThrottle refusals = new LogThrottle(Duration.ofSeconds(10));

  AdminAuth(AdminKey key) {
    this.key = key;
    this.expected = key.configured() ? key.sha256().getBytes(StandardCharsets.US_ASCII) : null;
    if (key.configured()) {
      LOG.info("admin API enabled under /admin on the management port (key of '{}')", key.name());
    } else {
      LOG.info("admin API disabled: no admin key configured (server.adminKey or ADMIN_KEY)");
    }
  }

  @Override
  public void handle(RoutingContext context) {
    if (expected == null) {
      refuse(context, new GatewayException(403, "invalid_request_error", "admin_disabled", null,
          "The admin API is disabled: no admin key is configured (server.adminKey or ADMIN_KEY)."));
      return;
    }
    String presented = presentedKey(context.request());
    if (presented == null || presented.isEmpty()) {
      refuse(context, new GatewayException(401, "invalid_request_error", "missing_admin_key", null,
          "You didn't provide the admin key. Send it as 'Authorization: Bearer ADMIN_KEY'."));
    } else if (!MessageDigest.isEqual(expected, ApiKeyHash.sha256Hex(presented).getBytes(StandardCharsets.US_ASCII))) {
      refuse(context, new GatewayException(401, "invalid_request_error", "invalid_admin_key", null,
          "Incorrect admin key provided."));
    } else {
      context.put(WHO, who(context.request()));
      context.next();
    }
  }

  /** Who made an admitted request, for the audit log. */
  static String actor(RoutingContext context) {
    return context.get(WHO);
  }

  private void refuse(RoutingContext context, GatewayException refusal) {
    if (refusal.status() == 401 && refusals.allow()) {
      LOG.warn("admin request refused ({}): {} {} from {}", refusal.code(), context.request().method(),
          context.request().path(), context.request().remoteAddress());
    }
    ErrorRenderer.respond(context.response(), refusal);
  }

  private String who(HttpServerRequest request) {
    String user = request.getHeader("x-admin-user");
    if (user == null || user.isBlank()) {
      return key.name();
    }
    // Printable characters only, bounded: the header ends up in log lines.
    String cleaned = user.strip().replaceAll("[^\\x20-\\x7E]", "?");
    return cleaned.length() > MAX_USER_LENGTH ? cleaned.substring(0, MAX_USER_LENGTH) : cleaned;
  }

  private static String presentedKey(HttpServerRequest request) {
    String authorization = request.getHeader("authorization");
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return authorization.substring(BEARER.length()).trim();
    }
    String header = request.getHeader("x-admin-key");
    return header == null ? null : header.trim();
  }
}
