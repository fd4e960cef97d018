package com.mas.gateway.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Optional;

/**
 * An upstream LLM provider on loopback: a real HTTP server that speaks the OpenAI
 * chat-completions, Anthropic Messages and Gemini generateContent wire formats, answers with
 * deterministic text at a configurable pace and injects faults on request, so tests, the demo
 * mode and load tests run without provider keys.
 *
 * <p>Endpoints:
 * <ul>
 *   <li>OpenAI: {@code POST /v1/chat/completions} and {@code POST /chat/completions} (a
 *       DeepSeek-style base URL without {@code /v1}), {@code GET /v1/models} and
 *       {@code GET /models}; key in {@code Authorization: Bearer}.</li>
 *   <li>Anthropic: {@code POST /v1/messages}; key in {@code x-api-key}, header
 *       {@code anthropic-version} required (see {@link AnthropicWire}).</li>
 *   <li>Gemini: {@code POST /v1beta/models/<model>:generateContent} and
 *       {@code :streamGenerateContent?alt=sse} (also under {@code /v1}); key in
 *       {@code x-goog-api-key} (see {@link GeminiWire}).</li>
 *   <li>Model lists, as a recovery probe reads them: OpenAI's and Anthropic's {@code GET /v1/models},
 *       Gemini's {@code GET /v1beta/models} (see {@link ModelLists}).</li>
 *   <li>{@code GET /sim/observations}: the {@link #observations()} as a JSON array.</li>
 *   <li>{@code PUT /sim/fault} (header {@code x-sim-fault: status=503} or {@code reset}) and
 *       {@code DELETE /sim/fault}: a fault every request gets until cleared, the provider being
 *       down (see {@link StandingFault}); also {@link #standingFault(String)}.</li>
 * </ul>
 * One configured key guards every format; without one any key (or none) is accepted. Every
 * response carries {@code x-request-id}: the one received, or a new one (Anthropic answers
 * also carry it as {@code request-id}). Per-request controls, the same for every format, are
 * described in {@link SimulatorControls}.
 *
 * <p>Requests are served on the event loop that accepted them; nothing blocks it.
 */
public final class Simulator {

  private final HttpServer server;
  private final SimulatorOptions options;
  private final ObservationLog log;
  private final StandingFault standing;

  private Simulator(HttpServer server, SimulatorOptions options, ObservationLog log, StandingFault standing) {
    this.server = server;
    this.options = options;
    this.log = log;
    this.standing = standing;
  }

  /**
   * Starts on {@code options.host()} and {@code options.port()} (port 0 picks a free one).
   *
   * @return a future that completes when the server is listening, or fails when it cannot bind
   */
  public static Future<Simulator> start(Vertx vertx, SimulatorOptions options) {
    ObservationLog log = new ObservationLog();
    StandingFault standing = new StandingFault();
    return vertx.createHttpServer()
        .requestHandler(SimulatorRoutes.router(vertx, options, log, standing))
        .listen(options.port(), options.host())
        .map(server -> new Simulator(server, options, log, standing));
  }

  /** The port actually bound. */
  public int port() {
    return server.actualPort();
  }

  /**
   * The OpenAI base URL to give a client, {@code http://<host>:<port>/v1}. A wildcard bind
   * address reads as 127.0.0.1.
   */
  public String baseUrl() {
    String host = options.host();
    boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    String reachable = wildcard ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    return "http://" + reachable + ":" + port() + "/v1";
  }

  /**
   * The answering requests seen so far, in every format, oldest first: a snapshot, safe to
   * call from any thread. At most {@link ObservationLog#MAX_OBSERVATIONS} are kept.
   */
  public List<Observation> observations() {
    return log.snapshot();
  }

  /** The latest request that arrived with this {@code x-request-id} (or was given it). */
  public Optional<Observation> observation(String requestId) {
    return log.find(requestId);
  }

  /** Forgets every observation; answers in progress keep updating their own records. */
  public void clearObservations() {
    log.clear();
  }

  /**
   * Makes every request fail with {@code fault} ({@code status=<code>[;retry-after=<s>]} or
   * {@code reset}) until {@link #clearStandingFault()}: the provider is down.
   *
   * @throws IllegalArgumentException for any other fault
   */
  public void standingFault(String fault) {
    standing.set(fault);
  }

  /** The provider is back. */
  public void clearStandingFault() {
    standing.clear();
  }

  /** Stops listening and closes open connections; completes when the server is closed. */
  public Future<Void> close() {
    return server.close();
  }
}
