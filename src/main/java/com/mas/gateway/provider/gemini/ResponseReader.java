package com.mas.gateway.provider.gemini;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mas.gateway.chat.Usage;
import java.io.IOException;

/**
 * Reads Gemini {@code GenerateContentResponse} objects with Jackson's streaming parser, in one
 * pass and without building a tree: the parts of {@code candidates[0]} go to a {@link Parts}
 * callback in order, and {@code finishReason}, {@code promptFeedback.blockReason},
 * {@code usageMetadata} and a top-level {@code error} are kept for the caller. Everything else
 * (safety ratings, token details, {@code thoughtSignature}s, other candidates) is skipped
 * unread. One per answer, on its event loop; usage is cumulative in Gemini, so the last one
 * read is kept across responses.
 */
final class ResponseReader {

  /** Receives the parts of the first candidate, in order. */
  interface Parts {
    /** A text part; {@code thought} marks a thought summary. */
    void text(String text, boolean thought);

    /** A {@code functionCall} part with its {@code args} as a JSON string ({@code {}} when absent). */
    void functionCall(String name, String arguments);
  }

  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper TREES = new ObjectMapper(JSON);

  private String finishReason;
  private String blockReason;
  private JsonNode error;
  private boolean candidate;
  private boolean usageSeen;
  private long promptTokens;
  private long toolPromptTokens;
  private long candidateTokens;
  private long thoughtTokens;
  private long cachedTokens;
  private String text;
  private boolean thought;
  private String callName;
  private String callArguments;

  /** Reads one response; throws when {@code json} is not a well-formed JSON object. */
  void read(byte[] json, Parts parts) throws IOException {
    finishReason = null;
    blockReason = null;
    error = null;
    candidate = false;
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseException(parser, "a Gemini response is a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        switch (name) {
          case "candidates" -> candidates(parser, parts);
          case "usageMetadata" -> usage(parser);
          case "promptFeedback" -> promptFeedback(parser);
          case "error" -> error = TREES.readTree(parser);
          default -> parser.skipChildren();
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT) {
        throw new JsonParseException(parser, "unexpected token in a Gemini response");
      }
    }
  }

  private void candidates(JsonParser parser, Parts parts) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      if (candidate) {
        parser.skipChildren();
        continue;
      }
      candidate = true;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if ("content".equals(name)) {
          content(parser, parts);
        } else if ("finishReason".equals(name)) {
          finishReason = parser.getValueAsString();
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  private void content(JsonParser parser, Parts parts) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (parser.nextToken() == JsonToken.START_ARRAY && "parts".equals(name)) {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          part(parser, parts);
        }
      } else {
        parser.skipChildren();
      }
    }
  }

  private void part(JsonParser parser, Parts parts) throws IOException {
    text = null;
    thought = false;
    callName = null;
    callArguments = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "text" -> text = parser.getValueAsString();
        case "thought" -> thought = parser.getValueAsBoolean();
        case "functionCall" -> functionCall(parser);
        default -> parser.skipChildren();
      }
    }
    if (text != null) {
      parts.text(text, thought);
    } else if (callName != null) {
      parts.functionCall(callName, callArguments == null ? "{}" : callArguments);
    }
  }

  private void functionCall(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("name".equals(name)) {
        callName = parser.getValueAsString("");
      } else if ("args".equals(name) && value == JsonToken.START_OBJECT) {
        callArguments = copy(parser);
      } else {
        parser.skipChildren();
      }
    }
  }

  /** The structure at the parser as compact JSON text. */
  private static String copy(JsonParser parser) throws IOException {
    SegmentedStringWriter out = new SegmentedStringWriter(new BufferRecycler());
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      generator.copyCurrentStructure(parser);
    }
    return out.getAndClear();
  }

  private void usage(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    usageSeen = true;
    promptTokens = 0;
    toolPromptTokens = 0;
    candidateTokens = 0;
    thoughtTokens = 0;
    cachedTokens = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "promptTokenCount" -> promptTokens = parser.getValueAsLong();
        case "toolUsePromptTokenCount" -> toolPromptTokens = parser.getValueAsLong();
        case "candidatesTokenCount" -> candidateTokens = parser.getValueAsLong();
        case "thoughtsTokenCount" -> thoughtTokens = parser.getValueAsLong();
        case "cachedContentTokenCount" -> cachedTokens = parser.getValueAsLong();
        default -> parser.skipChildren();
      }
    }
  }

  private void promptFeedback(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      if ("blockReason".equals(name)) {
        blockReason = parser.getValueAsString();
      } else {
        parser.skipChildren();
      }
    }
  }

  /** The last response's {@code candidates[0].finishReason}, or null. */
  String finishReason() {
    return finishReason;
  }

  /** The last response's {@code promptFeedback.blockReason}, or null. */
  String blockReason() {
    return blockReason;
  }

  /** The last response's top-level {@code error} object, or null. */
  JsonNode error() {
    return error;
  }

  /** True when the last response had a candidate. */
  boolean hasCandidate() {
    return candidate;
  }

  /** The latest usage read so far, normalised ({@link GeminiOutcomes}), or null when none was. */
  Usage usage() {
    return usageSeen ? GeminiOutcomes.usage(promptTokens + toolPromptTokens, candidateTokens, thoughtTokens,
        cachedTokens) : null;
  }
}
