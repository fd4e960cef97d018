package com.mas.gateway.testkit;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** What a test client received: status, headers, the raw body, and SSE data payloads in order. */
public record ClientResponse(int status, MultiMap headers, Buffer body) {

  /** The {@code data:} payloads of an SSE body, in order (LF-framed, as the gateway writes). */
  public List<String> events() {
    List<String> events = new ArrayList<>();
    for (String block : body.toString().split("\n\n")) {
      if (block.startsWith("data: ")) {
        events.add(block.substring("data: ".length()));
      }
    }
    return events;
  }

  public JsonObject json() {
    return new JsonObject(body);
  }

  /** The OpenAI error object of a JSON error response. */
  public JsonObject error() {
    return json().getJsonObject("error");
  }
}
