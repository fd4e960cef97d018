package com.mas.gateway.testkit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A tiny upstream on 127.0.0.1 that answers every POST with recorded bytes, optionally split at
 * random byte boundaries (inside lines and multi-byte characters) with a pause between pieces.
 * It records what it received.
 */
public final class ReplayUpstream {

  /** One request as the upstream saw it; {@code query} is null when the URI had none. */
  public record Received(String path, Map<String, String> headers, String body, String query) {}

  private final Vertx vertx;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile byte[] answer = new byte[0];
  private volatile String contentType = "text/event-stream";
  private volatile int status = 200;
  private volatile int maxPiece;
  private volatile Map<String, String> responseHeaders = Map.of();
  private HttpServer server;

  private ReplayUpstream(Vertx vertx) {
    this.vertx = vertx;
  }

  public static Future<ReplayUpstream> start(Vertx vertx) {
    ReplayUpstream upstream = new ReplayUpstream(vertx);
    return vertx.createHttpServer().requestHandler(upstream::handle).listen(0, "127.0.0.1")
        .map(server -> {
          upstream.server = server;
          return upstream;
        });
  }

  /** Answers with {@code bytes} and {@code contentType}; {@code maxPiece} > 0 splits the body. */
  public ReplayUpstream answer(int status, String contentType, byte[] bytes, int maxPiece) {
    this.status = status;
    this.contentType = contentType;
    this.answer = bytes;
    this.maxPiece = maxPiece;
    this.responseHeaders = Map.of();
    return this;
  }

  /** Adds response headers (e.g. {@code retry-after}) to the answer set last. */
  public ReplayUpstream withHeaders(Map<String, String> headers) {
    this.responseHeaders = Map.copyOf(headers);
    return this;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/v1";
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public Future<Void> close() {
    return server.close();
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
      received.add(new Received(request.path(), headers, body.toString(), request.query()));
      request.response().setStatusCode(status).putHeader("content-type", contentType).setChunked(true);
      responseHeaders.forEach(request.response()::putHeader);
      writePieces(request, 0);
    });
  }

  private void writePieces(HttpServerRequest request, int offset) {
    byte[] bytes = answer;
    if (offset >= bytes.length) {
      request.response().end();
      return;
    }
    int size = maxPiece <= 0 ? bytes.length : 1 + ThreadLocalRandom.current().nextInt(maxPiece);
    int end = Math.min(bytes.length, offset + size);
    request.response().write(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, offset, end)));
    vertx.runOnContext(v -> writePieces(request, end));
  }
}
