package com.mas.gateway.api;

import com.mas.gateway.provider.ClientSink;
import com.mas.gateway.provider.ResponseTranslator;
import com.mas.gateway.provider.SseFramer;
import com.mas.gateway.provider.UpstreamResponse;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;

/**
 * Relays one upstream SSE answer to the client with backpressure: when the client's write queue
 * is full the upstream body is paused until it drains, so memory per stream stays bounded by
 * the write queue, one upstream chunk and one event. A client that goes away resets the upstream
 * at once. Silence longer than the idle limit ends the stream with an error.
 *
 * <p>Response headers go out with the first event, so a failure before any event still gets a
 * proper error status; after that, failures end the stream with a final SSE error event.
 */
final class StreamRelay implements ClientSink {

  /** How the relay ended. */
  enum Outcome { COMPLETED, FAILED, CLIENT_GONE }

  private final Exchange exchange;
  private final HttpServerResponse response;
  private final ReadStream<Buffer> body;
  private final UpstreamResponse upstream;
  private final ResponseTranslator translator;
  private final IdleWatchdog watchdog;
  private final Promise<Outcome> outcome = Promise.promise();
  private final Runnable onFirstEvent;
  private final AnswerTally tally;
  private boolean over;

  StreamRelay(Vertx vertx, Exchange exchange, UpstreamResponse upstream, long idleMillis, Runnable onFirstEvent,
      AnswerTally tally) {
    this.exchange = exchange;
    this.response = exchange.context().response();
    this.upstream = upstream;
    this.body = upstream.body();
    this.translator = upstream.translator();
    this.onFirstEvent = onFirstEvent;
    this.tally = tally;
    this.watchdog = new IdleWatchdog(vertx, idleMillis, () -> fail(GatewayException.timeout(
        "The upstream provider sent nothing for " + idleMillis + " ms; the stream was abandoned.")));
  }

  /** Starts relaying; completes when the client stream has ended, whichever way. */
  Future<Outcome> run(int maxEventBytes) {
    SseFramer framer = new SseFramer(maxEventBytes, event -> translator.onEvent(event, this));
    body.handler(chunk -> onChunk(framer, chunk));
    body.exceptionHandler(failure -> fail(GatewayException.badGateway("upstream_stream_cut",
        "The connection to the upstream provider broke before the answer was complete.")));
    body.endHandler(v -> {
      if (!over) {
        translator.onEnd(this);
      }
    });
    response.closeHandler(v -> clientGone());
    watchdog.start();
    body.resume();
    return outcome.future();
  }

  private void onChunk(SseFramer framer, Buffer chunk) {
    if (over) {
      return;
    }
    watchdog.touch();
    try {
      framer.handle(chunk);
    } catch (SseFramer.EventTooLargeException | IllegalStateException e) {
      fail(GatewayException.badGateway("upstream_event_too_large", "The upstream provider sent an oversized event."));
    }
  }

  @Override
  public void write(Buffer event) {
    if (over) {
      return;
    }
    if (!response.headWritten()) {
      writeHead();
      onFirstEvent.run();
    }
    response.write(event);
    tally.counted();
    if (response.writeQueueFull()) {
      body.pause();
      watchdog.suspend();
      response.drainHandler(v -> {
        watchdog.resume();
        body.resume();
      });
    }
  }

  @Override
  public void finish() {
    if (end(Outcome.COMPLETED)) {
      body.resume(); // drain whatever follows [DONE] so the connection can go back to the pool
      response.end();
    }
  }

  @Override
  public void fail(GatewayException error) {
    if (end(Outcome.FAILED)) {
      upstream.cancellation().cancel();
      ErrorRenderer.respond(response, error);
    }
  }

  private void clientGone() {
    if (end(Outcome.CLIENT_GONE)) {
      upstream.cancellation().cancel();
    }
  }

  private boolean end(Outcome result) {
    if (over) {
      return false;
    }
    over = true;
    watchdog.stop();
    outcome.complete(result);
    return true;
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
