package com.mas.gateway.config;

import java.time.Duration;
import java.util.Map;

/**
 * Where budget alerts go besides the log and the metric: an optional webhook, POSTed a JSON body
 * per alert, retried with exponential backoff.
 *
 * @param webhookUrl absolute http(s) URL, or null for no webhook
 * @param headers extra request headers (e.g. {@code Authorization}); values never logged
 * @param attempts tries per alert, the first included (at least 1)
 * @param firstBackoff wait before the second try; each further wait doubles
 */
public record AlertConfig(String webhookUrl, Map<String, Secret> headers, int attempts, Duration firstBackoff) {

  public static final int DEFAULT_ATTEMPTS = 5;
  public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
  public static final AlertConfig NONE = new AlertConfig(null, Map.of(), DEFAULT_ATTEMPTS, DEFAULT_BACKOFF);

  public AlertConfig {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    attempts = Math.max(1, attempts);
    firstBackoff = firstBackoff == null ? DEFAULT_BACKOFF : firstBackoff;
  }

  public boolean hasWebhook() {
    return webhookUrl != null && !webhookUrl.isBlank();
  }
}
