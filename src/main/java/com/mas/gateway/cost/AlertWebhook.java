package com.mas.gateway.cost;

import com.mas.gateway.config.AlertConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs budget alerts to the configured webhook, in the background: an attempt that fails (no
 * connection, no answer within {@link #TIMEOUT_MILLIS}, or a status other than 2xx) is retried
 * after {@code firstBackoff}, then twice as long each time, up to {@code attempts} tries. The
 * URL and header values are never logged (they may carry a token).
 */
final class AlertWebhook {

  static final long TIMEOUT_MILLIS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(AlertWebhook.class);

  private final Vertx vertx;
  private final WebClient client;
  private final AlertConfig config;

  AlertWebhook(Vertx vertx, AlertConfig config) {
    this.vertx = vertx;
    this.client = WebClient.create(vertx);
    this.config = config;
  }

  /** Sends {@code body}; completes when delivered, or fails once every attempt has failed. */
  Future<Void> send(JsonObject body) {
    return attempt(body, 1, config.firstBackoff().toMillis())
        .onFailure(failure -> LOG.warn("budget alert webhook: gave up after {} attempts ({})", config.attempts(),
            failure.getMessage()));
  }

  private Future<Void> attempt(JsonObject body, int attempt, long backoffMillis) {
    return post(body).recover(failure -> {
      if (attempt >= config.attempts()) {
        return Future.failedFuture(failure);
      }
      LOG.debug("budget alert webhook: attempt {} failed ({}); retrying in {} ms", attempt, failure.getMessage(),
          backoffMillis);
      return vertx.timer(backoffMillis, TimeUnit.MILLISECONDS)
          .compose(v -> attempt(body, attempt + 1, backoffMillis * 2));
    });
  }

  private Future<Void> post(JsonObject body) {
    var request = client.postAbs(config.webhookUrl()).timeout(TIMEOUT_MILLIS);
    config.headers().forEach((name, value) -> request.putHeader(name, value.value()));
    return request.sendJsonObject(body).compose(AlertWebhook::accepted);
  }

  private static Future<Void> accepted(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    return status >= 200 && status < 300 ? Future.succeededFuture()
        : Future.failedFuture("the webhook answered " + status);
  }
}
