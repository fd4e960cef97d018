package com.mas.gateway.testkit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assembles streamed chat-completion chunks the way the OpenAI SDK does (tool-call fragments
 * joined per {@code tool_calls[].index}), into the fields of the conformance
 * {@code *.expected.json} files.
 */
public final class ChatAssembler {

  private final StringBuilder text = new StringBuilder();
  private final StringBuilder reasoning = new StringBuilder();
  private final Map<Integer, JsonObject> toolCalls = new TreeMap<>();
  private boolean sawText;
  private String finishReason;
  private JsonObject usage;
  private JsonObject error;
  private boolean done;

  public static ChatAssembler ofEvents(List<String> payloads) {
    ChatAssembler assembler = new ChatAssembler();
    payloads.forEach(assembler::accept);
    return assembler;
  }

  public void accept(String payload) {
    if ("[DONE]".equals(payload)) {
      done = true;
      return;
    }
    JsonObject chunk = new JsonObject(payload);
    if (chunk.containsKey("error")) {
      error = chunk.getJsonObject("error");
      return;
    }
    if (chunk.getValue("usage") instanceof JsonObject u) {
      usage = u;
    }
    JsonArray choices = chunk.getJsonArray("choices", new JsonArray());
    for (int i = 0; i < choices.size(); i++) {
      choice(choices.getJsonObject(i));
    }
  }

  private void choice(JsonObject choice) {
    JsonObject delta = choice.getJsonObject("delta", new JsonObject());
    if (delta.getValue("content") instanceof String content) {
      sawText |= !content.isEmpty();
      text.append(content);
    }
    if (delta.getValue("reasoning_content") instanceof String thought) {
      reasoning.append(thought);
    }
    if (delta.getValue("tool_calls") instanceof JsonArray calls) {
      calls.forEach(call -> toolCall((JsonObject) call));
    }
    if (choice.getValue("finish_reason") instanceof String reason) {
      finishReason = reason;
    }
  }

  private void toolCall(JsonObject delta) {
    JsonObject call = toolCalls.computeIfAbsent(delta.getInteger("index"),
        i -> new JsonObject().put("index", i).put("arguments", ""));
    if (delta.getString("id") != null) {
      call.put("id", delta.getString("id"));
    }
    JsonObject function = delta.getJsonObject("function", new JsonObject());
    if (function.getString("name") != null) {
      call.put("name", function.getString("name"));
    }
    call.put("arguments", call.getString("arguments") + function.getString("arguments", ""));
  }

  /** The text, or null when no content was streamed (as in the expected files). */
  public String text() {
    return sawText ? text.toString() : null;
  }

  public String reasoning() {
    return reasoning.toString();
  }

  public String finishReason() {
    return finishReason;
  }

  public JsonObject usage() {
    return usage;
  }

  public JsonObject error() {
    return error;
  }

  public boolean done() {
    return done;
  }

  public List<JsonObject> toolCalls() {
    return new ArrayList<>(toolCalls.values());
  }
}
