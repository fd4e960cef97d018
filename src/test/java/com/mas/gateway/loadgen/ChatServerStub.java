package com.mas.gateway.loadgen;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tiny OpenAI-style chat-completions server on 127.0.0.1 and a free port, whose answers the
 * test picks. Records the last request's path, headers and body.
 */
final class ChatServerStub {
  static final String ROLE_EVENT =
      "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
          + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n";
  static final String DONE_EVENT = "data: [DONE]\n\n";

  final AtomicInteger requests = new AtomicInteger();
  final AtomicReference<String> lastPath = new AtomicReference<>();
  final AtomicReference<MultiMap> lastHeaders = new AtomicReference<>();
  final AtomicReference<JsonObject> lastBody = new AtomicReference<>();
  private final Vertx vertx;
  private HttpServer server;

  ChatServerStub(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Starts the server; {@code answer} writes the response once the request body is in. */
  ChatServerStub start(Handler<HttpServerResponse> answer) {
    server = vertx.createHttpServer()
        .requestHandler(request -> record(request).onSuccess(ignored -> answer.handle(request.response())))
        .listen(0, "127.0.0.1")
        .await();
    return this;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/v1";
  }

  void close() {
    server.close().await();
  }

  private Future<Void> record(HttpServerRequest request) {
    requests.incrementAndGet();
    lastPath.set(request.path());
    lastHeaders.set(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
    return request.body().map(body -> {
      lastBody.set(body.toJsonObject());
      return null;
    });
  }

  /** The stream of the brief: a role chunk, 5 ms later three content chunks, then [DONE]. */
  static Handler<HttpServerResponse> streamAfter5ms(Vertx vertx) {
    return response -> {
      startStream(response).write(ROLE_EVENT);
      vertx.timer(5).onSuccess(ignored -> {
        for (String token : new String[] {"Hel", "lo", "!"}) {
          response.write(content(token));
        }
        response.end(DONE_EVENT);
      });
    };
  }

  static HttpServerResponse startStream(HttpServerResponse response) {
    return response.setChunked(true).putHeader("content-type", "text/event-stream");
  }

  static String content(String token) {
    return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"content\":\"" + token + "\"},\"finish_reason\":null}]}\n\n";
  }

  static Handler<HttpServerResponse> status500() {
    return response -> response.setStatusCode(500).putHeader("content-type", "application/json")
        .end("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
  }

  static Handler<HttpServerResponse> completion(int completionTokens) {
    return response -> response.putHeader("content-type", "application/json").end(
        "{\"id\":\"c2\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"Hello!\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + completionTokens
            + ",\"total_tokens\":" + (12 + completionTokens) + "}}");
  }
}
