package com.mas.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every failure in OpenAI's shape, {@code {"error":{"message","type","param","code"}}}:
 * as a JSON response while the status can still be chosen, as a final {@code data:} event once
 * a stream has started (the status is already 200 then).
 */
public final class ErrorRenderer {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorRenderer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorRenderer() {}

  /** Any throwable as the exception the client sees; unknown ones become a 500 without details. */
  public static GatewayException classify(Throwable failure) {
    if (failure instanceof GatewayException known) {
      return known;
    }
    LOG.error("unexpected failure", failure);
    return new GatewayException(500, "server_error", "internal_error", null, "The gateway failed to process the request.");
  }

  /** The error body as bytes. */
  public static Buffer body(GatewayException error) {
    ObjectNode inner = JSON.createObjectNode();
    inner.put("message", error.getMessage());
    inner.put("type", error.type());
    inner.put("param", error.param());
    inner.put("code", error.code());
    ObjectNode root = JSON.createObjectNode();
    root.set("error", inner);
    try {
      return Buffer.buffer(JSON.writeValueAsBytes(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ends {@code response} with the error as JSON; does nothing if the response already ended. */
  public static void respond(HttpServerResponse response, Throwable failure) {
    if (response.ended() || response.closed()) {
      return;
    }
    GatewayException error = classify(failure);
    if (response.headWritten()) {
      endStream(response, error);
      return;
    }
    error.headers().forEach(response::putHeader);
    response.setStatusCode(error.status())
        .putHeader("content-type", "application/json")
        .end(body(error));
  }

  /** Writes the final SSE error event and ends the stream. */
  public static void endStream(HttpServerResponse response, GatewayException error) {
    if (response.ended() || response.closed()) {
      return;
    }
    Buffer event = Buffer.buffer("data: ").appendBuffer(body(error)).appendString("\n\n");
    response.end(event);
  }
}
