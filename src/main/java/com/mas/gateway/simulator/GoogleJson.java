package com.mas.gateway.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.vertx.core.json.JsonObject;

/**
 * JSON laid out the way Google's APIs send whole bodies: two-space indents, one field or
 * element per line, {@code "name": value}, a final newline (compare
 * {@code conformance/gemini/nonstream.json} and {@code errors/}). Clients such as the
 * google-genai SDK read error bodies line by line, so the layout is part of the format.
 */
final class GoogleJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(
      Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private GoogleJson() {}

  /** The object in Google's layout; meant for small bodies, not for the streaming path. */
  static String pretty(JsonObject json) {
    try {
      return PRETTY.writeValueAsString(MAPPER.readTree(json.encode())) + "\n";
    } catch (JsonProcessingException e) {
      // A JsonObject's own encoding always reads back; keep the compact form if it did not.
      return json.encode();
    }
  }
}
