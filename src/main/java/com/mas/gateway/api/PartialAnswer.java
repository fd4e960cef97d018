package com.mas.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the client of a broken stream has received, read back from the events it was sent
 * ({@link ClientStream#kept()}) only when a continuation needs it: the chunk id and model it
 * saw, the text so far, the tool calls it has whole, and whether the answer had already
 * finished (then there is nothing to continue).
 *
 * @param id the chunk id of the client's stream, or null
 * @param model the model named in the client's chunks, or null
 * @param text the content received, reasoning excluded
 * @param calls the tool calls received, in index order
 * @param finished true when a finish reason or {@code [DONE]} was sent
 */
record PartialAnswer(String id, String model, String text, List<Call> calls, boolean finished) {

  /** One tool call the client received whole. */
  record Call(int index, String name, String arguments) {

    /** True when {@code name} and {@code arguments} are this call's (the arguments compared as JSON). */
    boolean sameAs(ObjectMapper mapper, String otherName, String otherArguments) {
      return name.equals(otherName) && sameJson(mapper, arguments, otherArguments);
    }
  }

  static PartialAnswer of(ObjectMapper mapper, List<Buffer> events) {
    Reader reader = new Reader();
    for (Buffer event : events) {
      reader.read(mapper, SseData.payload(event));
    }
    return reader.answer();
  }

  /** The index the next new tool call gets. */
  int nextToolIndex() {
    return calls.isEmpty() ? 0 : calls.get(calls.size() - 1).index() + 1;
  }

  static boolean sameJson(ObjectMapper mapper, String a, String b) {
    try {
      return mapper.readTree(a).equals(mapper.readTree(b));
    } catch (IOException | RuntimeException e) {
      return a.equals(b);
    }
  }

  /** Accumulates the events in order. */
  private static final class Reader {
    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, String[]> calls = new TreeMap<>();
    private String id;
    private String model;
    private boolean finished;

    void read(ObjectMapper mapper, String payload) {
      if ("[DONE]".equals(payload)) {
        finished = true;
        return;
      }
      JsonNode chunk = SseData.parse(mapper, payload);
      if (chunk == null) {
        return;
      }
      id = id == null ? chunk.path("id").textValue() : id;
      model = model == null ? chunk.path("model").textValue() : model;
      JsonNode choice = chunk.path("choices").path(0);
      finished |= choice.path("finish_reason").isTextual();
      JsonNode delta = choice.path("delta");
      if (delta.path("content").isTextual()) {
        text.append(delta.path("content").asText());
      }
      delta.path("tool_calls").forEach(this::call);
    }

    private void call(JsonNode delta) {
      String[] call = calls.computeIfAbsent(delta.path("index").asInt(), i -> new String[] {"", ""});
      JsonNode function = delta.path("function");
      if (function.path("name").isTextual()) {
        call[0] = function.path("name").asText();
      }
      call[1] += function.path("arguments").asText("");
    }

    PartialAnswer answer() {
      List<Call> whole = new ArrayList<>();
      calls.forEach((index, call) -> whole.add(new Call(index, call[0], call[1])));
      return new PartialAnswer(id, model, text.toString(), List.copyOf(whole), finished);
    }
  }
}
