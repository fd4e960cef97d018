package com.mas.gateway.loadgen;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The one chat-completions request every virtual user sends, built once: the JSON body and the
 * headers. {@link #options()} hands out a fresh copy per request, so nothing is shared mutably.
 */
final class RequestTemplate {
  static final String PROMPT = "Write a friendly two-sentence greeting for a returning customer.";
  private static final String USER_AGENT = "mas-gateway-loadgen";

  private final RequestOptions options;
  private final Buffer body;
  private final boolean stream;

  private RequestTemplate(RequestOptions options, Buffer body, boolean stream) {
    this.options = options;
    this.body = body;
    this.stream = stream;
  }

  static RequestTemplate of(LoadgenOptions load) {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setAbsoluteURI(load.endpoint())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.ACCEPT, load.stream() ? "text/event-stream" : "application/json")
        .putHeader(HttpHeaders.USER_AGENT, USER_AGENT);
    if (load.key() != null) {
      options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + load.key());
    }
    for (LoadgenOptions.Header header : load.headers()) {
      options.getHeaders().set(header.name(), header.value());
    }
    return new RequestTemplate(options, body(load), load.stream());
  }

  /** A copy of the request options, for one request. */
  RequestOptions options() {
    return new RequestOptions(options);
  }

  /** The request body; Vert.x does not consume a Buffer it sends, so it is reused. */
  Buffer body() {
    return body;
  }

  boolean stream() {
    return stream;
  }

  private static Buffer body(LoadgenOptions load) {
    JsonObject json = new JsonObject()
        .put("model", load.model())
        .put("messages", new JsonArray().add(new JsonObject()
            .put("role", "user")
            .put("content", PROMPT)))
        .put("stream", load.stream());
    if (load.maxTokens() > 0) {
      json.put("max_tokens", load.maxTokens());
    }
    return json.toBuffer();
  }
}
