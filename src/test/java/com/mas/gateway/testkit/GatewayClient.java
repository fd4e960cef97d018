package com.mas.gateway.testkit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Map;

/** An OpenAI-style client of a gateway on 127.0.0.1, reading whole responses. */
public final class GatewayClient {

  private final HttpClientAgent client;
  private final int port;
  private final Context context;

  public GatewayClient(Vertx vertx, int port) {
    // Requests are issued from one event-loop context: reusing keep-alive connections from
    // arbitrary test threads races in the client pool (requests sent on a recycled connection
    // were seen to hang).
    this.context = vertx.getOrCreateContext();
    this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    this.port = port;
  }

  /** POSTs {@code body} to /v1/chat/completions with the test tenant key and JSON content type. */
  public Future<ClientResponse> chat(String body) {
    return chat(body, Map.of());
  }

  public Future<ClientResponse> chat(String body, Map<String, String> extraHeaders) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add("authorization", "Bearer " + TestConfigs.KEY)
        .add("content-type", "application/json");
    extraHeaders.forEach(headers::set);
    return send(HttpMethod.POST, "/v1/chat/completions", headers, Buffer.buffer(body));
  }

  public Future<ClientResponse> send(HttpMethod method, String path, MultiMap headers, Buffer body) {
    Promise<ClientResponse> promise = Promise.promise();
    context.runOnContext(v -> sendOnContext(method, path, headers, body).onComplete(promise));
    return promise.future();
  }

  private Future<ClientResponse> sendOnContext(HttpMethod method, String path, MultiMap headers, Buffer body) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port)
        .setURI(path).setHeaders(headers);
    return client.request(options)
        .compose(request -> request.send(body))
        .compose(response -> response.body()
            .map(received -> new ClientResponse(response.statusCode(), response.headers(), received)));
  }

  public HttpClientAgent raw() {
    return client;
  }

  public Future<Void> close() {
    return client.close();
  }
}
