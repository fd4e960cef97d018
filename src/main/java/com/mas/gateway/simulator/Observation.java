package com.mas.gateway.simulator;

import java.util.Map;

/**
 * What the simulator saw of one answering request (OpenAI chat completions, Anthropic
 * messages or Gemini generateContent) and what it has written back so far.
 * The simulator replaces a request's record as the answer progresses; a record itself never
 * changes.
 *
 * @param requestId the {@code x-request-id} received, or the one generated when none came
 * @param method the HTTP method
 * @param path the request path, without the query (so Gemini's {@code ?key=} is never kept)
 * @param model the requested model (for Gemini, the one in the path), or null when the
 *     request was refused before it was read
 * @param body the raw request body
 * @param headers the request headers with lowercase names (repeated headers joined by ", ");
 *     the {@code authorization} value reads {@code Bearer ****} and the key headers
 *     ({@code x-api-key}, {@code x-goog-api-key}, {@code api-key}) read {@code ****}
 * @param stream whether the request asked for a stream
 * @param eventsSent SSE events written so far (every event of the format counts: OpenAI's
 *     role, finish, usage and {@code [DONE]}, Anthropic's {@code ping}, error events, ...);
 *     0 for a JSON answer
 * @param bytesSent body bytes handed to the connection so far
 * @param backpressurePauses how often a full write queue made the answer wait for the client
 * @param outcome how the request ended, or {@link Outcome#IN_PROGRESS}
 */
public record Observation(
    String requestId,
    String method,
    String path,
    String model,
    String body,
    Map<String, String> headers,
    boolean stream,
    int eventsSent,
    long bytesSent,
    int backpressurePauses,
    Outcome outcome) {

  public Observation {
    headers = Map.copyOf(headers);
  }

  Observation withRequest(String requestModel, boolean requestStream) {
    return new Observation(requestId, method, path, requestModel, body, headers, requestStream,
        eventsSent, bytesSent, backpressurePauses, outcome);
  }

  Observation withEvent(long bytes) {
    return new Observation(requestId, method, path, model, body, headers, stream,
        eventsSent + 1, bytesSent + bytes, backpressurePauses, outcome);
  }

  Observation withBytes(long bytes) {
    return new Observation(requestId, method, path, model, body, headers, stream,
        eventsSent, bytesSent + bytes, backpressurePauses, outcome);
  }

  Observation withPause() {
    return new Observation(requestId, method, path, model, body, headers, stream,
        eventsSent, bytesSent, backpressurePauses + 1, outcome);
  }

  /** Ends the record with {@code ending} unless it has already ended. */
  Observation endedAs(Outcome ending) {
    if (outcome != Outcome.IN_PROGRESS) {
      return this;
    }
    return new Observation(requestId, method, path, model, body, headers, stream,
        eventsSent, bytesSent, backpressurePauses, ending);
  }
}
