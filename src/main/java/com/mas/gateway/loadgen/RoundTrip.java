package com.mas.gateway.loadgen;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;

/**
 * One request of the template and its whole response, recorded as an {@link Exchange}. Shared by
 * the closed-loop {@link VirtualUser} and the open-loop {@link PacedSender}; runs on the event
 * loop of its HTTP client.
 */
final class RoundTrip {

  private final HttpClient client;
  private final RequestTemplate template;

  RoundTrip(HttpClient client, RequestTemplate template) {
    this.client = client;
    this.template = template;
  }

  boolean stream() {
    return template.stream();
  }

  /**
   * Sends the request and reads the response, streams through {@code scanner} (reset first; it
   * serves one exchange at a time). Never fails: failures become the exchange's error. The
   * start time is taken before the pool hands out a connection, so waiting for one counts.
   */
  Future<Exchange> run(SseScanner scanner) {
    long start = System.nanoTime();
    return client.request(template.options())
        .compose(request -> request.send(template.body()))
        .compose(response -> read(response, start, scanner))
        .otherwise(failure -> Exchange.connectionFailure(start, System.nanoTime()));
  }

  private Future<Exchange> read(HttpClientResponse response, long start, SseScanner scanner) {
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      // Read the body anyway so the connection goes back to the pool.
      return response.body().map(body -> Exchange.badStatus(start, System.nanoTime(), status));
    }
    return template.stream() ? readStream(response, start, scanner) : readBody(response, start);
  }

  private static Future<Exchange> readStream(HttpClientResponse response, long start, SseScanner scanner) {
    scanner.reset();
    response.handler(chunk -> scanner.feed(chunk, System.nanoTime()));
    return response.end().map(ignored -> new Exchange(start, System.nanoTime(),
        scanner.firstTokenNanos(), response.statusCode(), scanner.error(), scanner.tokens()));
  }

  private static Future<Exchange> readBody(HttpClientResponse response, long start) {
    return response.body().map(body -> {
      long end = System.nanoTime();
      byte[] bytes = body.getBytes();
      long tokens = Math.max(0, JsonBytes.completionTokens(bytes, 0, bytes.length));
      return new Exchange(start, end, -1, response.statusCode(), null, tokens);
    });
  }
}
