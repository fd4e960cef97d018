package com.mas.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON trees for tests, read the way the gateway reads requests (exact decimals). */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Json() {}

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode object(String json) {
    return (ObjectNode) tree(json);
  }

  /** {@code node} written and read again, so that number node types compare equal to a parsed file. */
  static JsonNode reparsed(JsonNode node) {
    return tree(node.toString());
  }
}
