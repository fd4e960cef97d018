package com.mas.gateway.provider;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.ChatRequestParser;
import com.mas.gateway.config.ProbeKind;
import com.mas.gateway.config.ProviderConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link Provider} over HTTP whose wire format a {@link WireProtocol} decides. It owns what
 * every provider shares: the per-loop HTTP client, the first-byte timeout, cancellation, the
 * configured and forwarded headers, and reading an error body before it is mapped.
 */
public final class HttpProvider implements Provider {

  /** Upstream error bodies are small; anything past this is dropped. */
  private static final int MAX_ERROR_BODY = 64 * 1024;

  /** A probe's answer is read to its end (so the connection is reused) but kept only this far. */
  private static final int MAX_PROBE_BODY = 4 * 1024;

  private static final ChatRequestParser PROBE_PARSER = new ChatRequestParser();

  /** An upstream URI and its parse. */
  private record ParsedUri(String text, URL url) {}

  private final Vertx vertx;
  private final ProviderConfig config;
  private final HttpClientAgent client;
  private final WireProtocol protocol;
  /**
   * The last URI requested: most requests of a provider go to one URI, parsed once here. Replaced
   * without a lock: a {@link ParsedUri} is immutable, so a racing reader sees a whole one.
   */
  private ParsedUri lastUri;

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

  /** Bounded by the first-byte plus the idle timeout, so a probe that hangs cannot hold a breaker's trial. */
  @Override
  public Future<Void> probe(ProbeKind kind, String model) {
    Future<Void> probe = switch (kind) {
      case MODELS -> listModels();
      case COMPLETION -> send(oneToken(model))
          .compose(upstream -> BodyCollector.collect(upstream.body(), MAX_PROBE_BODY))
          .mapEmpty();
      case NONE -> Future.succeededFuture();
    };
    long limit = config.timeouts().firstByte().plus(config.timeouts().idle()).toMillis();
    return probe.timeout(limit, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture(UpstreamErrors.fromTransport(name(), failure)));
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }

  private Future<UpstreamResponse> exchange(HttpClientRequest request, Buffer body, UpstreamCall call) {
    call.cancellation().onCancel(request::reset);
    return headers(request, body, call.cancellation()).compose(response -> accept(response, call));
  }

  /** The response headers, or the mapped failure; a first byte later than configured resets the request. */
  private Future<HttpClientResponse> headers(HttpClientRequest request, Buffer body, Cancellation cancellation) {
    Promise<HttpClientResponse> headers = Promise.promise();
    long timer = vertx.setTimer(config.timeouts().firstByte().toMillis(), id -> {
      if (headers.tryFail(UpstreamErrors.fromTransport(name(), new TimeoutException()))) {
        request.reset();
      }
    });
    request.send(body).onComplete(response -> {
      response.pause(); // until the caller decides what to do with the body
      headers.tryComplete(response);
    }, f -> headers.tryFail(transportFailure(f, cancellation)));
    return headers.future().eventually(() -> {
      vertx.cancelTimer(timer);
      return Future.succeededFuture();
    });
  }

  /**
   * A request the client side cancelled fails as 499 {@code client_closed_request}: the provider
   * did nothing wrong, so the failure must not count against it (its breaker, its scores).
   */
  private GatewayException transportFailure(Throwable failure, Cancellation cancellation) {
    return cancellation.cancelled()
        ? new GatewayException(499, "invalid_request_error", "client_closed_request", null,
            "The client closed the request before provider '" + name() + "' answered.")
        : UpstreamErrors.fromTransport(name(), failure);
  }

  /** {@code GET} the provider's model list; 2xx with its body read is a success. */
  private Future<Void> listModels() {
    RequestOptions options = options(HttpMethod.GET, protocol.modelListUri())
        .setIdleTimeout(config.timeouts().idle().toMillis())
        .putHeader("accept", "application/json")
        .putHeader("x-request-id", "probe-" + UUID.randomUUID());
    protocol.authenticate(options);
    config.headers().forEach(options::putHeader);
    return client.request(options)
        .recover(failure -> Future.failedFuture(UpstreamErrors.fromTransport(name(), failure)))
        .compose(request -> headers(request, Buffer.buffer(), new Cancellation()))
        .compose(response -> BodyCollector.collect(response, MAX_PROBE_BODY)
            .compose(received -> response.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
                : Future.failedFuture(protocol.error(response.statusCode(), response.headers(), received))));
  }

  /** A one-token, non-streamed question to {@code model}. */
  private static UpstreamCall oneToken(String model) {
    String body = "{\"model\":" + Json.encode(model)
        + ",\"max_tokens\":1,\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";
    return new UpstreamCall("probe-" + UUID.randomUUID(), PROBE_PARSER.parse(body.getBytes(StandardCharsets.UTF_8)),
        model, new Cancellation(), MultiMap.caseInsensitiveMultiMap());
  }

  private Future<UpstreamResponse> accept(HttpClientResponse response, UpstreamCall call) {
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

  private RequestOptions options(HttpMethod method, String uri) {
    return new RequestOptions()
        .setMethod(method)
        .setAbsoluteURI(url(uri))
        .setConnectTimeout(config.timeouts().connect().toMillis())
        .putHeader("user-agent", "mas-gateway");
  }

  private URL url(String uri) {
    ParsedUri last = lastUri;
    if (last == null || !last.text().equals(uri)) {
      try {
        last = new ParsedUri(uri, new URL(uri));
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("provider " + name() + " has no valid URL", e);
      }
      lastUri = last;
    }
    return last.url();
  }

  private RequestOptions requestOptions(UpstreamCall call) {
    RequestOptions options = options(HttpMethod.POST, protocol.uri(call))
        .putHeader("content-type", "application/json")
        .putHeader("accept", call.request().stream() ? "text/event-stream" : "application/json")
        .putHeader("x-request-id", call.requestId());
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
