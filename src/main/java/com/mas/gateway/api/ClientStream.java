package com.mas.gateway.api;

import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.provider.ClientSink;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's side of one streamed answer, whatever attempts it takes. The response headers
 * go out with the first event, naming the target of the attempt that produced it; until then a
 * failure can still get its own HTTP status, or go to another target unseen.
 *
 * <p>When the answer may be continued on another target, the events sent are kept (the same
 * buffers, not copies) so the partial answer can be read back if the stream breaks; nothing is
 * parsed while all goes well. At most {@value #MAX_KEPT_BYTES} bytes are kept: a longer answer
 * is no longer continued.
 *
 * <p>An {@link AnswerFilter} the exchange carries (script conversion, say) sees every event on its
 * way out, after any holding back and splicing, once per client stream whatever the attempts:
 * what it keeps from one event to the next (a character for its neighbour) spans the seam.
 */
final class ClientStream {

  /** The most bytes of sent events kept for a continuation. */
  static final int MAX_KEPT_BYTES = 4 << 20;

  private final Exchange exchange;
  private final HttpServerResponse response;
  private final Runnable onFirstEvent;
  private final ClientSink filtered;
  private List<Buffer> kept;
  private long keptBytes;

  /**
   * @param keep whether to keep the events sent, for a continuation
   * @param onFirstEvent runs when the first event goes out
   */
  ClientStream(Exchange exchange, boolean keep, Runnable onFirstEvent) {
    this.exchange = exchange;
    this.response = exchange.context().response();
    this.onFirstEvent = onFirstEvent;
    this.kept = keep ? new ArrayList<>() : null;
    AnswerFilter filter = exchange.answerFilter();
    this.filtered = filter == AnswerFilter.NONE ? null : filter.stream(new Delivery());
  }

  /** Upstream bytes arrived: until the first event is out, when they did is kept on the exchange. */
  void upstreamRead() {
    if (!response.headWritten()) {
      exchange.upstreamRead(System.nanoTime());
    }
  }

  /** True once the headers (and an event) went out: failures are SSE error events from then on. */
  boolean started() {
    return response.headWritten();
  }

  /** Sends one event, with the headers first if it is the first. */
  void write(Buffer event) {
    if (filtered != null) {
      filtered.write(event, ChunkKind.CONTENT); // the filter reads the event to know what it carries
    } else {
      deliver(event);
    }
  }

  private void deliver(Buffer event) {
    send(event);
    keep(event);
  }

  /** Sends {@code events} in one write (one packet where they fit), with the headers first if they are the first. */
  void write(List<Buffer> events) {
    if (filtered != null) {
      events.forEach(this::write);
      return;
    }
    Buffer joined = Buffer.buffer();
    events.forEach(joined::appendBuffer);
    send(joined);
    events.forEach(this::keep);
  }

  private void send(Buffer bytes) {
    boolean first = !response.headWritten();
    if (first) {
      writeHead();
    }
    response.write(bytes);
    if (first) {
      onFirstEvent.run(); // bookkeeping after the bytes are on their way
    }
  }

  boolean writeQueueFull() {
    return response.writeQueueFull();
  }

  void drainHandler(Handler<Void> handler) {
    response.drainHandler(handler);
  }

  /** The answer is complete. */
  void end() {
    if (!response.ended() && !response.closed()) {
      response.end();
    }
  }

  /** Ends with {@code error}: its status before the first event, a final SSE error event after. */
  void fail(GatewayException error) {
    if (!started()) {
      GatewayVerticle.routeHeaders(exchange);
    }
    ErrorRenderer.respond(response, error);
  }

  /** The events sent so far, or null when they were not kept (or were too many to keep). */
  List<Buffer> kept() {
    return kept;
  }

  private void keep(Buffer event) {
    if (kept == null) {
      return;
    }
    keptBytes += event.length();
    if (keptBytes > MAX_KEPT_BYTES) {
      kept = null;
    } else {
      kept.add(event);
    }
  }

  /** Where the filter's events go: to the client. Ending is this stream's business, not the filter's. */
  private final class Delivery implements ClientSink {

    @Override
    public void write(Buffer event, ChunkKind kind) {
      deliver(event);
    }

    @Override
    public void writeToolCall(Buffer event, int index) {
      deliver(event);
    }

    @Override
    public void finish() {}

    @Override
    public void fail(GatewayException error) {}
  }

  private void writeHead() {
    response.setStatusCode(200)
        .setChunked(true)
        .putHeader("content-type", "text/event-stream")
        .putHeader("cache-control", "no-cache")
        .putHeader("x-accel-buffering", "no");
    GatewayVerticle.routeHeaders(exchange);
  }
}
