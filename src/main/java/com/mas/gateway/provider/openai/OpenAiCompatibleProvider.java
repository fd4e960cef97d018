package com.mas.gateway.provider.openai;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.provider.BodyCollector;
import com.mas.gateway.provider.Provider;
import com.mas.gateway.provider.UpstreamCall;
import com.mas.gateway.provider.UpstreamErrors;
import com.mas.gateway.provider.UpstreamResponse;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The same-protocol fast path: the client's JSON goes upstream with only {@code model} (and
 * possibly {@code stream_options}) changed, and the upstream's SSE events come back unchanged.
 * Serves OpenAI and every OpenAI-compatible upstream (DeepSeek included).
 */
final class OpenAiCompatibleProvider implements Provider {

  /** Upstream error bodies are small; anything past this is dropped. */
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final Vertx vertx;
  private final ProviderConfig config;
  private final HttpClientAgent client;
  private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private final String endpoint;

  OpenAiCompatibleProvider(Vertx vertx, ProviderConfig config, HttpClientAgent client) {
    this.vertx = vertx;
    this.config = config;
    this.client = client;
    this.endpoint = config.baseUrl().replaceAll("/+$", "") + "/chat/completions";
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public Future<UpstreamResponse> send(UpstreamCall call) {
    Buffer body = call.request().openAiBody(mapper, call.model(), config.requestUsage());
    return client.request(requestOptions(call))
        .recover(failure -> Future.failedFuture(UpstreamErrors.fromTransport(name(), failure)))
        .compose(request -> exchange(request, body, call));
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }

  private Future<UpstreamResponse> exchange(HttpClientRequest request, Buffer body, UpstreamCall call) {
    call.cancellation().onCancel(request::reset);
    Promise<HttpClientResponse> headers = Promise.promise();
    long timer = vertx.setTimer(config.timeouts().firstByte().toMillis(), id -> {
      if (headers.tryFail(UpstreamErrors.fromTransport(name(), new java.util.concurrent.TimeoutException()))) {
        request.reset();
      }
    });
    request.send(body).onComplete(headers::tryComplete, f -> headers.tryFail(UpstreamErrors.fromTransport(name(), f)));
    return headers.future()
        .eventually(() -> {
          vertx.cancelTimer(timer);
          return Future.succeededFuture();
        })
        .compose(response -> accept(response, call));
  }

  private Future<UpstreamResponse> accept(HttpClientResponse response, UpstreamCall call) {
    response.pause();
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      boolean dropUsage = call.request().stream() && config.requestUsage() && !call.request().includeUsage();
      return Future.succeededFuture(
          new UpstreamResponse(response, new PassThroughTranslator(mapper, dropUsage), call.cancellation()));
    }
    return BodyCollector.collect(response, MAX_ERROR_BODY)
        .recover(f -> Future.succeededFuture(Buffer.buffer()))
        .compose(errorBody -> Future.failedFuture(
            UpstreamErrors.fromStatus(name(), status, response.headers(), errorBody, config.apiKey().value())));
  }

  private RequestOptions requestOptions(UpstreamCall call) {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setAbsoluteURI(endpoint)
        .setConnectTimeout(config.timeouts().connect().toMillis())
        .putHeader("content-type", "application/json")
        .putHeader("accept", call.request().stream() ? "text/event-stream" : "application/json")
        .putHeader("x-request-id", call.requestId())
        .putHeader("user-agent", "mas-gateway");
    if (!config.apiKey().isEmpty()) {
      options.putHeader("authorization", "Bearer " + config.apiKey().value());
    }
    config.headers().forEach(options::putHeader);
    call.clientHeaders().forEach(header -> {
      String name = header.getKey().toLowerCase(java.util.Locale.ROOT);
      if (config.forwards(name)) {
        options.putHeader(name, header.getValue());
      }
    });
    return options;
  }
}
