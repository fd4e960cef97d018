package com.mas.gateway.simulator;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A running simulator and a Vert.x HTTP client on loopback that talks to it, for tests. */
final class SimulatorClient implements AutoCloseable {

  static final long TIMEOUT_SECONDS = 10;

  private final Simulator simulator;
  private final HttpClient http;

  private SimulatorClient(Simulator simulator, HttpClient http) {
    this.simulator = simulator;
    this.http = http;
  }

  static SimulatorClient start(Vertx vertx, SimulatorOptions options) {
    Simulator simulator = await(Simulator.start(vertx, options));
    HttpClient http = vertx.createHttpClient(new HttpClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(simulator.port()));
    return new SimulatorClient(simulator, http);
  }

  Simulator simulator() {
    return simulator;
  }

  /** A chat body with one user message. */
  static JsonObject chat(String model, String userText) {
    return new JsonObject().put("model", model).put("messages", new JsonArray()
        .add(new JsonObject().put("role", "user").put("content", userText)));
  }

  static JsonObject streamingChat(String model, String userText) {
    return chat(model, userText).put("stream", true);
  }

  /** Sends a request and returns once headers arrived; the body keeps arriving after. */
  Future<Exchange> open(HttpMethod method, String path, String body, Map<String, String> headers) {
    RequestOptions options = new RequestOptions().setMethod(method).setURI(path);
    headers.forEach(options::putHeader);
    return http.request(options).compose(request -> request
        .send(body == null ? Buffer.buffer() : Buffer.buffer(body))
        .map(response -> new Exchange(request, response)));
  }

  /** POSTs to /v1/chat/completions and waits for the whole answer (or its failure). */
  Exchange post(JsonObject body, Map<String, String> headers) {
    return post("/v1/chat/completions", body.encode(), headers);
  }

  Exchange post(String path, String body, Map<String, String> headers) {
    Exchange exchange = await(open(HttpMethod.POST, path, body, headers));
    exchange.awaitEnd();
    return exchange;
  }

  Exchange get(String path, Map<String, String> headers) {
    Exchange exchange = await(open(HttpMethod.GET, path, null, headers));
    exchange.awaitEnd();
    return exchange;
  }

  @Override
  public void close() {
    await(http.close());
    await(simulator.close());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no result within " + TIMEOUT_SECONDS + " s", e);
    }
  }

  /** Waits for a future to settle and returns why it failed, or null when it succeeded. */
  static Throwable failureOf(Future<?> future) {
    try {
      future.transform(ignored -> Future.succeededFuture())
          .await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("not settled within " + TIMEOUT_SECONDS + " s", e);
    }
    return future.cause();
  }

  /** One response as it arrives: status, headers, the bytes so far, and how it ended. */
  static final class Exchange {
    final HttpClientRequest request;
    final HttpClientResponse response;
    private final Buffer received = Buffer.buffer();
    private final Promise<Void> ended = Promise.promise();

    private Exchange(HttpClientRequest request, HttpClientResponse response) {
      this.request = request;
      this.response = response;
      response.handler(this::append);
      response.exceptionHandler(ended::tryFail);
      response.endHandler(ignored -> ended.tryComplete());
    }

    int status() {
      return response.statusCode();
    }

    String header(String name) {
      return response.getHeader(name);
    }

    /** Completes when the body ended, fails when the connection broke first. */
    Future<Void> ended() {
      return ended.future();
    }

    /** Waits for the end; a broken connection is not an error here, see {@link #failure()}. */
    void awaitEnd() {
      try {
        ended.future().recover(ignored -> Future.succeededFuture())
            .await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("response did not end within " + TIMEOUT_SECONDS + " s", e);
      }
    }

    Throwable failure() {
      return ended.future().cause();
    }

    synchronized String body() {
      return received.toString(StandardCharsets.UTF_8);
    }

    synchronized long bytesReceived() {
      return received.length();
    }

    JsonObject json() {
      return new JsonObject(body());
    }

    /** The data of every complete SSE event received, in order (including "[DONE]"). */
    List<String> events() {
      String body = body();
      List<String> events = new ArrayList<>();
      int start = 0;
      for (int end = body.indexOf("\n\n"); end >= 0; end = body.indexOf("\n\n", start)) {
        String event = body.substring(start, end);
        if (!event.startsWith("data: ")) {
          throw new AssertionError("not a data-only SSE event: " + event);
        }
        events.add(event.substring("data: ".length()));
        start = end + 2;
      }
      return events;
    }

    /** The complete SSE events received so far, read by the WHATWG rules (any format). */
    List<SseTranscript.Event> sse() {
      return SseTranscript.parse(body());
    }

    /** The JSON chunks of the stream, without the final "[DONE]". */
    List<JsonObject> chunks() {
      List<JsonObject> chunks = new ArrayList<>();
      for (String event : events()) {
        if (!event.equals("[DONE]")) {
          chunks.add(new JsonObject(event));
        }
      }
      return chunks;
    }

    /** The content deltas joined: the text the client would show. */
    String content() {
      StringBuilder text = new StringBuilder();
      for (JsonObject chunk : chunks()) {
        JsonArray choices = chunk.getJsonArray("choices");
        if (choices != null && !choices.isEmpty()) {
          String piece = choices.getJsonObject(0).getJsonObject("delta").getString("content");
          text.append(piece == null ? "" : piece);
        }
      }
      return text.toString();
    }

    private synchronized void append(Buffer bytes) {
      received.appendBuffer(bytes);
    }
  }
}
