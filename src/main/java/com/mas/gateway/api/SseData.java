package com.mas.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reading and writing the client's SSE events ({@code data: <json>\n\n}, as every translator
 * frames them) on the paths that must look inside them: a continuation and its splice. The
 * pass-through path never comes here.
 */
final class SseData {

  private static final String PREFIX = "data: ";

  private SseData() {}

  /** The payload of one framed event: its data without the prefix and the blank line. */
  static String payload(Buffer event) {
    String text = event.toString(StandardCharsets.UTF_8);
    int start = text.startsWith(PREFIX) ? PREFIX.length() : 0;
    int end = text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** The event's JSON object, or null when its payload is none ({@code [DONE]}, or not JSON). */
  static ObjectNode parse(ObjectMapper mapper, String payload) {
    try {
      JsonNode json = mapper.readTree(payload);
      return json instanceof ObjectNode object ? object : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** {@code json} framed as one event. */
  static Buffer frame(ObjectMapper mapper, JsonNode json) {
    try {
      byte[] bytes = mapper.writeValueAsBytes(json);
      return Buffer.buffer(bytes.length + 8).appendString(PREFIX).appendBytes(bytes).appendString("\n\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed tree always serialises", e);
    }
  }
}
