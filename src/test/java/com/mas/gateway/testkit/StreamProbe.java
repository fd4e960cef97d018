package com.mas.gateway.testkit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A streaming client that records each SSE event as it arrives (with its arrival time), and can
 * stop reading or hang up mid-stream, for backpressure and disconnect tests.
 */
public final class StreamProbe {

  /** One received event and when it arrived (System.nanoTime). */
  public record Arrival(String payload, long nanos) {}

  private final HttpClientAgent client;
  private final Context context;
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
  private final Promise<Void> ended = Promise.promise();
  private volatile HttpClientResponse response;
  private volatile long endNanos;

  public StreamProbe(Vertx vertx) {
    this.context = vertx.getOrCreateContext();
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
  }

  /** Starts the request; completes with the response status once headers arrived. */
  public Future<Integer> start(int port, String body, Map<String, String> headers) {
    Promise<Integer> status = Promise.promise();
    context.runOnContext(v -> open(port, body, headers).onComplete(status));
    return status.future();
  }

  private Future<Integer> open(int port, String body, Map<String, String> headers) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI("/v1/chat/completions").putHeader("authorization", "Bearer " + TestConfigs.KEY)
        .putHeader("content-type", "application/json");
    headers.forEach(options::putHeader);
    return client.request(options).compose(request -> request.send(Buffer.buffer(body))).map(received -> {
      response = received;
      RecordParser events = RecordParser.newDelimited("\n\n", event -> arrivals.add(
          new Arrival(event.toString().replaceFirst("^data: ", ""), System.nanoTime())));
      received.handler(events);
      received.exceptionHandler(failure -> finish());
      received.endHandler(v -> finish());
      return received.statusCode();
    });
  }

  private void finish() {
    endNanos = System.nanoTime();
    ended.tryComplete();
  }

  public List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  public List<String> payloads() {
    return arrivals().stream().map(Arrival::payload).toList();
  }

  public Future<Void> ended() {
    return ended.future();
  }

  public long endNanos() {
    return endNanos;
  }

  /** Stops reading from the socket (TCP backpressure builds up behind it). */
  public void pause() {
    context.runOnContext(v -> response.pause());
  }

  public void resume() {
    context.runOnContext(v -> response.resume());
  }

  /** Hangs up: closes the connection mid-stream. */
  public void hangUp() {
    context.runOnContext(v -> response.request().connection().close());
  }

  public Future<Void> close() {
    return client.close();
  }
}
