package com.mas.gateway.provider;

import com.mas.gateway.config.ProviderConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * A {@link Provider} over HTTP whose wire format a {@link WireProtocol} decides. It owns what
 * every provider shares: the per-loop HTTP client, the first-byte timeout, cancellation, the
 * configured and forwarded headers, and reading an error body before it is mapped.
 */
public final class HttpProvider implements Provider {

  /** Upstream error bodies are small; anything past this is dropped. */
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final Vertx vertx;
  private final ProviderConfig config;
  private final HttpClientAgent client;
  private final WireProtocol protocol;

  public HttpProvider(Vertx vertx, ProviderConfig config, HttpClientAgent client, WireProtocol protocol) {
    this.vertx = vertx;
    this.config = config;
    this.client = client;
    this.protocol = protocol;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public Future<UpstreamResponse> send(UpstreamCall call) {
    Buffer body;
    try {
      body = protocol.body(call);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
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
      if (headers.tryFail(UpstreamErrors.fromTransport(name(), new TimeoutException()))) {
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
      boolean prefilled = call.partial() != null && !call.partial().isEmpty() && protocol.prefills();
      return Future.succeededFuture(
          new UpstreamResponse(response, protocol.translator(call), call.cancellation(), prefilled));
    }
    return BodyCollector.collect(response, MAX_ERROR_BODY)
        .recover(f -> Future.succeededFuture(Buffer.buffer()))
        .compose(errorBody -> Future.failedFuture(protocol.error(status, response.headers(), errorBody)));
  }

  private RequestOptions requestOptions(UpstreamCall call) {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setAbsoluteURI(protocol.uri(call))
        .setConnectTimeout(config.timeouts().connect().toMillis())
        .putHeader("content-type", "application/json")
        .putHeader("accept", call.request().stream() ? "text/event-stream" : "application/json")
        .putHeader("x-request-id", call.requestId())
        .putHeader("user-agent", "mas-gateway");
    protocol.authenticate(options);
    config.headers().forEach(options::putHeader);
    call.clientHeaders().forEach(header -> {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (config.forwards(name)) {
        options.putHeader(name, header.getValue());
      }
    });
    return options;
  }
}
