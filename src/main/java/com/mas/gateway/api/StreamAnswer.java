package com.mas.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mas.gateway.chat.Usage;
import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.provider.UpstreamResponse;
import com.mas.gateway.resilience.Failures;
import com.mas.gateway.routing.RoutePlan;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Map;

/**
 * One streamed answer, over as many attempts as it takes ({@link Attempts}):
 * <ul>
 *   <li>an attempt that fails retryably before anything reached the client (an error status, a
 *       reset, a timeout, an open breaker, an error event or a cut before the first content)
 *       goes to the next target, and the client does not notice;
 *   <li>a stream that breaks after content was sent (a cut, the idle timeout, an error event)
 *       is continued on the next target when the plan allows it
 *       ({@link RoutePlan#continuation()}): the original conversation plus the partial answer
 *       goes there (see {@link com.mas.gateway.provider.UpstreamCall#partial()}) and its
 *       answer is spliced into the same client stream ({@link Splice});
 *   <li>otherwise the client gets the error: its status before the first event (all targets
 *       failed: {@link FailoverError}), a final SSE error event after.
 * </ul>
 * A client that goes away cancels the attempt in flight and ends it all. Runs on the request's
 * event loop.
 */
final class StreamAnswer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final Exchange exchange;
  private final Attempts attempts;
  private final Map<String, ProviderConfig> configs;
  private final int maxEventBytes;
  private final ClientStream client;
  private final Promise<String> done = Promise.promise();
  private StreamRelay relay;
  private boolean clientGone;

  StreamAnswer(Vertx vertx, Exchange exchange, Attempts attempts, Map<String, ProviderConfig> configs,
      int maxEventBytes, Runnable onFirstEvent) {
    this.vertx = vertx;
    this.exchange = exchange;
    this.attempts = attempts;
    this.configs = configs;
    this.maxEventBytes = maxEventBytes;
    RoutePlan plan = attempts.plan();
    boolean mayContinue = plan.continuation() && plan.targets().size() > 1 && !exchange.needs().jsonOutput();
    this.client = new ClientStream(exchange, mayContinue, onFirstEvent);
  }

  /** Starts the first attempt; completes with the request's outcome once the client's response has ended. */
  Future<String> run() {
    exchange.context().response().closeHandler(v -> clientGone());
    attempts.startClock(this::deadlinePassed);
    attempt(null);
    return done.future();
  }

  /** Sends to the next target; {@code partial} is what the client has (null before content). */
  private void attempt(PartialAnswer partial) {
    if (attempts.next() == null) {
      giveUp();
      return;
    }
    attempts.send(partial == null ? null : partial.text())
        .onSuccess(upstream -> relay(upstream, partial))
        .onFailure(failure -> failed(ErrorRenderer.classify(failure), null, 0));
  }

  private void relay(UpstreamResponse upstream, PartialAnswer partial) {
    if (clientGone) {
      upstream.cancellation().cancel();
      attempts.ended(null, 0, "client_gone");
      end("client_gone");
      return;
    }
    long idleMillis = configs.get(exchange.target().provider()).timeouts().idle().toMillis();
    relay = new StreamRelay(vertx, client, upstream, idleMillis, this::continuable, attempts::answered);
    Usage prior = attempts.chargedSoFar();
    EventGate.Out out = partial == null && prior == null ? relay.direct()
        : new Splice(partial, upstream.prefilled(), prior, attempts::totalCost, relay::emit);
    boolean holdToolCalls = partial != null || client.kept() != null;
    StreamRelay current = relay;
    relay.run(maxEventBytes, new EventGate(out, client.started(), holdToolCalls))
        .onComplete(ended -> relayEnded(current, upstream, ended.result()));
  }

  private void relayEnded(StreamRelay ended, UpstreamResponse upstream, StreamRelay.Outcome outcome) {
    relay = null;
    Usage usage = upstream.translator().usage();
    switch (outcome) {
      case COMPLETED -> {
        attempts.ended(usage, ended.emitted(), "ok");
        end("ok");
      }
      case CLIENT_GONE -> {
        attempts.ended(usage, ended.emitted(), "client_gone");
        end("client_gone");
      }
      default -> failed(ended.failure(), usage, ended.emitted());
    }
  }

  /** The current attempt failed; another target may go on. */
  private void failed(GatewayException failure, Usage usage, long emitted) {
    if (clientGone) {
      // The client left while this attempt waited for its answer to start: nothing more is sent.
      attempts.ended(usage, emitted, "cancelled");
      end(client.started() ? "client_gone" : "cancelled");
      return;
    }
    GatewayException cause = attempts.failed(failure, usage, emitted);
    if (!client.started() && attempts.mayRetry(cause)) {
      attempt(null);
    } else if (!client.started()) {
      giveUp(Failures.retryable(cause) ? attempts.exhausted() : cause);
    } else {
      continueOrFail(cause);
    }
  }

  /** The stream broke after content: the next target continues it, or the client gets the error event. */
  private void continueOrFail(GatewayException cause) {
    PartialAnswer partial = continuable() && attempts.mayRetry(cause)
        ? PartialAnswer.of(JSON, client.kept()) : null;
    if (partial == null || partial.finished()) {
      client.fail(cause);
      end("error");
      return;
    }
    attempts.restartClock();
    attempt(partial);
  }

  /**
   * True while a stream that breaks could be continued on another target. A JSON answer
   * ({@code response_format}) is not: half a JSON document does not continue into a valid one.
   */
  private boolean continuable() {
    return attempts.plan().continuation() && client.kept() != null && attempts.hasNext()
        && !exchange.needs().jsonOutput();
  }

  private void giveUp() {
    giveUp(attempts.exhausted());
  }

  private void giveUp(GatewayException error) {
    client.fail(error);
    end("error");
  }

  private void deadlinePassed() {
    if (relay != null) {
      relay.fail(GatewayException.timeout("The route's deadline passed."));
    }
  }

  private void clientGone() {
    clientGone = true;
    if (relay != null) {
      relay.clientGone();
    } else {
      attempts.cancelCurrent();
    }
  }

  private void end(String outcome) {
    done.tryComplete(outcome);
  }
}
