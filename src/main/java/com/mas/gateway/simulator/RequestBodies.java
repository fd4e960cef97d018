package com.mas.gateway.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reading request bodies the same way in every wire format: the JSON object, the prompt size
 * estimate and the stable hash that seeds an answer when the request names no seed.
 */
final class RequestBodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestBodies() {}

  /**
   * The body as a JSON object.
   *
   * @throws WireError the one {@code unreadable} gives, when the body is not a JSON object
   */
  static JsonNode object(String body, Supplier<WireError> unreadable) {
    try {
      JsonNode root = JSON.readTree(body == null ? "" : body);
      if (root != null && root.isObject()) {
        return root;
      }
    } catch (JsonProcessingException e) {
      // answered below, in the wording of the caller's wire format
    }
    throw unreadable.get();
  }

  /**
   * The characters of text in a message content: a string, or the {@code text} of each part
   * of an array of parts (OpenAI content parts, Anthropic blocks, Gemini parts).
   */
  static long textChars(JsonNode content) {
    if (content.isTextual()) {
      return content.asText().length();
    }
    long chars = 0;
    for (JsonNode part : content) {
      chars += part.path("text").asText("").length();
    }
    return chars;
  }

  /** The text of a message content, in the same shapes as {@link #textChars}, joined. */
  static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      text.append(part.path("text").asText(""));
    }
    return text.toString();
  }

  /** The prompt size every format reports: characters / 4, rounded up, at least 1. */
  static int promptTokens(long chars) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (chars + 3) / 4));
  }

  /** The strings of a field that holds one string or an array of them; empty when absent. */
  static List<String> strings(JsonNode field) {
    if (field.isTextual()) {
      return List.of(field.asText());
    }
    List<String> values = new ArrayList<>();
    for (JsonNode value : field) {
      if (value.isTextual()) {
        values.add(value.asText());
      }
    }
    return List.copyOf(values);
  }

  /** A whole number field that must be at least 1, or null when absent. */
  static Integer positive(JsonNode root, String field, Supplier<WireError> invalid) {
    JsonNode value = root.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
      throw invalid.get();
    }
    return value.asInt();
  }

  /** A stable 64-bit hash of the compact JSON of a node: the same on every JVM. */
  static long hash(JsonNode node) {
    return fnv1a(compact(node));
  }

  private static byte[] compact(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      // A tree just parsed from text always serializes; fall back to its text form anyway.
      return node.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** FNV-1a, 64 bits: stable across JVMs, unlike identity or map-order based hashes. */
  private static long fnv1a(byte[] bytes) {
    long hash = 0xCBF29CE484222325L;
    for (byte b : bytes) {
      hash ^= b & 0xFF;
      hash *= 0x100000001B3L;
    }
    return hash;
  }
}
