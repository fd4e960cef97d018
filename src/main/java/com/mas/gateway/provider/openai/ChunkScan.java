package com.mas.gateway.provider.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A light scan of one OpenAI chunk: it tokenizes the JSON without building it (so a malformed
 * event is caught) and reads out only the top-level {@code usage} and {@code error} objects and
 * whether {@code choices} is empty.
 */
record ChunkScan(boolean malformed, JsonNode usage, JsonNode error, boolean emptyChoices) {

  private static final ChunkScan MALFORMED = new ChunkScan(true, null, null, false);

  static ChunkScan of(ObjectMapper mapper, byte[] json) {
    try (JsonParser parser = mapper.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return MALFORMED;
      }
      ChunkScan scan = fields(mapper, parser);
      return parser.nextToken() == null ? scan : MALFORMED;
    } catch (IOException e) {
      return MALFORMED;
    }
  }

  private static ChunkScan fields(ObjectMapper mapper, JsonParser parser) throws IOException {
    JsonNode usage = null;
    JsonNode error = null;
    boolean emptyChoices = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_OBJECT && ("usage".equals(name) || "error".equals(name))) {
        JsonNode node = mapper.readTree(parser);
        usage = "usage".equals(name) ? node : usage;
        error = "error".equals(name) ? node : error;
      } else if (value == JsonToken.START_ARRAY && "choices".equals(name)) {
        emptyChoices = parser.nextToken() == JsonToken.END_ARRAY;
        skipRestOfArray(parser, emptyChoices);
      } else {
        parser.skipChildren();
      }
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) {
      throw new IOException("unterminated object");
    }
    return new ChunkScan(false, usage, error, emptyChoices);
  }

  private static void skipRestOfArray(JsonParser parser, boolean alreadyClosed) throws IOException {
    if (alreadyClosed) {
      return;
    }
    parser.skipChildren();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new IOException("unterminated array");
      }
      parser.skipChildren();
    }
  }
}
