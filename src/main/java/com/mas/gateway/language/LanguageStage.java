package com.mas.gateway.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.mas.gateway.api.Exchange;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.api.Stage;
import io.vertx.core.Future;

/**
 * Sets the language of the request's user turns on the exchange, for routing rules, metrics and
 * the usage record: declared by the client ({@code X-Language} header, else
 * {@code metadata.language} in the body; a well-formed BCP 47 tag, else a 400 naming it), or
 * detected. Runs after the body is parsed; counts {@code mas_gateway_requests_by_language}.
 */
public final class LanguageStage implements Stage {

  static final String HEADER = "X-Language";
  static final String METADATA = "metadata.language";

  private final Languages languages;
  private final LanguageMetrics metrics;

  LanguageStage(Languages languages, LanguageMetrics metrics) {
    this.languages = languages;
    this.metrics = metrics;
  }

  LanguageMetrics metrics() {
    return metrics;
  }

  @Override
  public String name() {
    return "language";
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    String declared = declared(exchange);
    String tag = declared != null ? declared : languages.detect(exchange.request().json());
    exchange.language(tag);
    metrics.request(tag);
    return Future.succeededFuture();
  }

  /** The client's own tag, or null when it declares none. */
  private static String declared(Exchange exchange) {
    String header = exchange.context().request().getHeader(HEADER);
    if (header != null && !header.isBlank()) {
      return Tags.parse(header, HEADER);
    }
    JsonNode value = exchange.request().json().path("metadata").path("language");
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw GatewayException.badRequest(METADATA, "Invalid '" + METADATA + "': expected a string.");
    }
    return Tags.parse(value.textValue(), METADATA);
  }
}
