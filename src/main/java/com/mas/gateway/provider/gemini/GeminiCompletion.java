package com.mas.gateway.provider.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.Usage;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Turns a whole {@code generateContent} response into an OpenAI {@code chat.completion} body,
 * with the mappings of the stream ({@link GeminiStreamTranslator}, {@link GeminiOutcomes}):
 * text parts joined into {@code content} ({@code null} when there is none), thought parts into
 * {@code reasoning_content} when opted in, {@code functionCall} parts into {@code tool_calls}
 * with ids made here. A blocked prompt is a 400 {@code content_filter}; a malformed function
 * call a 502; a response with neither a candidate nor a block reason is malformed (502).
 */
final class GeminiCompletion {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final String model;
  private final long created;
  private final boolean reasoning;
  private final String callIdPrefix;

  GeminiCompletion(String id, String model, long created, boolean reasoning, String callIdPrefix) {
    this.id = id;
    this.model = model;
    this.created = created;
    this.reasoning = reasoning;
    this.callIdPrefix = callIdPrefix;
  }

  /** The client's body for the upstream {@code response}, read with {@code reader} (which keeps its usage). */
  Buffer body(ResponseReader reader, byte[] response) {
    Message message = new Message();
    try {
      reader.read(response, message);
    } catch (IOException e) {
      throw GatewayException.badGateway("upstream_malformed_response", "The upstream provider sent a malformed response.");
    }
    if (!reader.hasCandidate()) {
      throw reader.blockReason() != null ? GeminiOutcomes.blockedPrompt(reader.blockReason())
          : GatewayException.badGateway("upstream_malformed_response", "Gemini answered without a candidate.");
    }
    String reason = reader.finishReason() == null ? "STOP" : reader.finishReason();
    if (GeminiOutcomes.isFailure(reason)) {
      throw GeminiOutcomes.failure(reason);
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("id", id).put("object", "chat.completion").put("created", created).put("model", model);
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
    choice.set("message", message.json());
    choice.putNull("logprobs");
    choice.put("finish_reason", GeminiOutcomes.finishReason(reason, !message.calls.isEmpty()));
    Usage usage = reader.usage();
    if (usage != null) {
      usage.writeOpenAi(root.putObject("usage"));
    }
    return serialise(root);
  }

  /** The assistant message, gathered part by part. */
  private final class Message implements ResponseReader.Parts {
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder thoughts = new StringBuilder();
    private final ArrayNode calls = JSON.createArrayNode();

    @Override
    public void text(String value, boolean thought) {
      (thought ? thoughts : text).append(value);
    }

    @Override
    public void functionCall(String name, String arguments) {
      ObjectNode call = calls.addObject().put("id", callIdPrefix + (calls.size() - 1)).put("type", "function");
      call.putObject("function").put("name", name).put("arguments", arguments);
    }

    ObjectNode json() {
      ObjectNode message = JSON.createObjectNode().put("role", "assistant");
      message.put("content", text.isEmpty() ? null : text.toString());
      if (reasoning && !thoughts.isEmpty()) {
        message.put("reasoning_content", thoughts.toString());
      }
      if (!calls.isEmpty()) {
        message.set("tool_calls", calls);
      }
      message.putNull("refusal");
      return message;
    }
  }

  private static Buffer serialise(ObjectNode root) {
    try {
      return Buffer.buffer(JSON.writeValueAsBytes(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree always serialises", e);
    }
  }
}
