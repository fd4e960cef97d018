package com.mas.gateway.simulator;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;

/**
 * One provider's wire format: how a request proves its key, what its body means, how its
 * errors read, and the {@link AnswerWire} that writes an answer in it. Everything else (the
 * answer's text, pacing, faults, backpressure, observations) is shared by all formats.
 *
 * <p>Implementations hold no per-request state; one instance serves every event loop.
 */
interface WireFormat {

  /**
   * Checks the credentials and the headers the provider requires.
   *
   * @throws WireError the provider's refusal when the request may not proceed
   */
  void admit(HttpServerRequest request);

  /**
   * Reads the request (its body, and for Gemini its path and query).
   *
   * @throws WireError a 400 in the provider's words naming what is missing or malformed
   */
  ChatCall read(HttpServerRequest request, String body);

  /** The finish reasons {@code x-sim-finish} may force, spelled as this format spells them. */
  List<String> finishReasons();

  /**
   * The error an injected status fault answers with.
   *
   * @param retryAfterSeconds the retry delay the fault asks for, or -1 for none
   */
  WireError statusFault(int status, int retryAfterSeconds, String model);

  /** The error a non-streamed answer gets in place of the mid-stream error event. */
  WireError failure();

  /** The answer to a path or method the simulator does not serve. */
  WireError unknownRoute(String method, String path);

  /** The answer to a body over the simulator's size limit. */
  WireError bodyTooLarge();

  /** The answer to a failure inside the simulator itself. */
  WireError internalError();

  /** The whole JSON error body for an error, on a request with this id. */
  String errorBody(WireError error, String requestId);

  /** Adds the headers this provider puts on every response; none by default. */
  default void putHeaders(HttpServerResponse response, String requestId) {}

  /** Starts encoding one answer; the wire is used from the request's event loop only. */
  AnswerWire answer(ChatCall call, AnswerPlan plan, String requestId);
}
