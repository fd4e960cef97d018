package com.mas.gateway.api;

import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.provider.ClientSink;
import com.mas.gateway.provider.ResponseTranslator;
import com.mas.gateway.provider.SseFramer;
import com.mas.gateway.provider.UpstreamResponse;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Relays one attempt's upstream SSE answer to the client with backpressure: when the client's
 * write queue is full the upstream body is paused until it drains, so memory per stream stays
 * bounded by the write queue, one upstream chunk, one event and what the {@link EventGate}
 * holds. Silence longer than the idle limit fails the attempt.
 *
 * <p>The relay does not end the client's stream on a failure: it reports how the attempt
 * ended, and its {@link StreamAnswer} decides whether another target goes on. An upstream
 * error event that the translator passes on as it came (an OpenAI-compatible stream's
 * {@code {"error":...}} after content) fails the attempt too when another target could still
 * continue the answer, or when the client has not received anything yet.
 */
final class StreamRelay implements ClientSink {

  /** How the attempt ended. */
  enum Outcome { COMPLETED, FAILED, CLIENT_GONE }

  private final ClientStream client;
  private final ReadStream<Buffer> body;
  private final UpstreamResponse upstream;
  private final ResponseTranslator translator;
  private final IdleWatchdog watchdog;
  private final Promise<Outcome> outcome = Promise.promise();
  private final BooleanSupplier continuable;
  private final Runnable onFirstEvent;
  private EventGate gate;
  private GatewayException failure;
  private long emitted;
  private boolean over;

  /**
   * @param continuable true while a broken stream would be continued on another target
   * @param onFirstEvent runs when this attempt's first event reaches the client
   */
  StreamRelay(Vertx vertx, ClientStream client, UpstreamResponse upstream, long idleMillis,
      BooleanSupplier continuable, Runnable onFirstEvent) {
    this.client = client;
    this.upstream = upstream;
    this.body = upstream.body();
    this.translator = upstream.translator();
    this.continuable = continuable;
    this.onFirstEvent = onFirstEvent;
    this.watchdog = new IdleWatchdog(vertx, idleMillis, () -> fail(GatewayException.timeout(
        "The upstream provider sent nothing for " + idleMillis + " ms; the stream was abandoned.")));
  }

  /** Events straight to the client, for an attempt whose events need no rewriting. */
  EventGate.Out direct() {
    return new EventGate.Out() {
      @Override
      public void event(Buffer event, ChunkKind kind) {
        emit(event);
      }

      @Override
      public void toolCall(List<Buffer> events, int index) {
        events.forEach(StreamRelay.this::emit);
      }

      @Override
      public void opened(List<Buffer> opening, Buffer first, ChunkKind kind) {
        List<Buffer> events = new ArrayList<>(opening.size() + 1);
        events.addAll(opening);
        events.add(first);
        emit(events);
      }
    };
  }

  /** Starts relaying through {@code gate}; completes when the attempt has ended, whichever way. */
  Future<Outcome> run(int maxEventBytes, EventGate gate) {
    this.gate = gate;
    SseFramer framer = new SseFramer(maxEventBytes, event -> translator.onEvent(event, this));
    body.handler(chunk -> onChunk(framer, chunk));
    body.exceptionHandler(failure -> fail(GatewayException.badGateway("upstream_stream_cut",
        "The connection to the upstream provider broke before the answer was complete.")));
    body.endHandler(v -> {
      if (!over) {
        translator.onEnd(this);
      }
    });
    watchdog.start();
    body.resume();
    return outcome.future();
  }

  /** Why the attempt failed, once it has. */
  GatewayException failure() {
    return failure;
  }

  /** Events of this attempt that reached the client. */
  long emitted() {
    return emitted;
  }

  private void onChunk(SseFramer framer, Buffer chunk) {
    if (over) {
      return;
    }
    watchdog.touch();
    client.upstreamRead();
    try {
      framer.handle(chunk);
    } catch (SseFramer.EventTooLargeException e) {
      fail(GatewayException.badGateway("upstream_event_too_large", "The upstream provider sent an oversized event."));
    }
  }

  @Override
  public void write(Buffer event, ChunkKind kind) {
    if (over) {
      return;
    }
    if (kind == ChunkKind.ERROR && (!client.started() || continuable.getAsBoolean())) {
      fail(GatewayException.badGateway("upstream_error_event", "The upstream provider reported an error mid-stream."));
      return;
    }
    gate.accept(event, kind);
  }

  @Override
  public void writeToolCall(Buffer event, int index) {
    if (!over) {
      gate.acceptToolCall(event, index);
    }
  }

  /** Sends one released event to the client, pausing the upstream while the client is slow. */
  void emit(Buffer event) {
    client.write(event);
    emitted(1);
  }

  /** Sends several events in one write. */
  private void emit(List<Buffer> events) {
    client.write(events);
    emitted(events.size());
  }

  private void emitted(int events) {
    if (emitted == 0) {
      onFirstEvent.run();
    }
    emitted += events;
    if (client.writeQueueFull()) {
      body.pause();
      watchdog.suspend();
      client.drainHandler(v -> {
        watchdog.resume();
        body.resume();
      });
    }
  }

  @Override
  public void finish() {
    if (over) {
      return;
    }
    gate.finish();
    end(Outcome.COMPLETED, () -> {
      body.resume(); // drain whatever follows [DONE] so the connection can go back to the pool
      client.end();
    });
  }

  @Override
  public void fail(GatewayException error) {
    end(Outcome.FAILED, () -> {
      failure = error;
      gate.discard();
      upstream.cancellation().cancel();
    });
  }

  /** The client went away: the upstream is reset at once. */
  void clientGone() {
    end(Outcome.CLIENT_GONE, () -> upstream.cancellation().cancel());
  }

  /** Ends the attempt once: {@code settle} runs before whoever waits for the outcome hears of it. */
  private void end(Outcome result, Runnable settle) {
    if (over) {
      return;
    }
    over = true;
    watchdog.stop();
    settle.run();
    outcome.complete(result);
  }
}
