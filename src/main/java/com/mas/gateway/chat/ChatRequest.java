package com.mas.gateway.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;

/**
 * A validated chat-completions request. The client's JSON is kept whole so that fields the
 * gateway does not know reach OpenAI-compatible upstreams unchanged; only the fields the gateway
 * acts on are read out. Built by {@link ChatRequestParser}.
 */
public final class ChatRequest {

  /**
   * What a continuation asks of a model that has no assistant prefill: the user message that
   * follows the partial answer.
   */
  public static final String CONTINUE_INSTRUCTION =
      "Continue exactly where you stopped, without repeating anything you already wrote.";

  private final ObjectNode json;
  private final String model;
  private final boolean stream;
  private final boolean includeUsage;

  ChatRequest(ObjectNode json, String model, boolean stream, boolean includeUsage) {
    this.json = json;
    this.model = model;
    this.stream = stream;
    this.includeUsage = includeUsage;
  }

  /** The model the client asked for, as sent. */
  public String model() {
    return model;
  }

  public boolean stream() {
    return stream;
  }

  /** True when the client asked for the final usage chunk ({@code stream_options.include_usage}). */
  public boolean includeUsage() {
    return includeUsage;
  }

  /**
   * The same request with {@code changed} as its JSON, for a stage that rewrites what the model
   * reads (the language stage's script instruction); the model, stream and usage flags stay.
   */
  public ChatRequest withJson(ObjectNode changed) {
    return new ChatRequest(changed, model, stream, includeUsage);
  }

  /** The client's JSON; read-only by convention. */
  public ObjectNode json() {
    return json;
  }

  /**
   * This request continued after {@code partial}, the answer so far: the conversation gains an
   * assistant message with the partial answer, and unless {@code prefill} (the provider
   * continues a trailing assistant message by itself, as Anthropic does) a user message with
   * {@link #CONTINUE_INSTRUCTION}. Everything else stays as the client sent it; this request's
   * tree is not changed.
   */
  public ChatRequest continuing(String partial, boolean prefill) {
    ObjectNode copy = json.deepCopy();
    ArrayNode messages = copy.get("messages") instanceof ArrayNode list ? list : copy.putArray("messages");
    messages.addObject().put("role", "assistant").put("content", partial);
    if (!prefill) {
      messages.addObject().put("role", "user").put("content", CONTINUE_INSTRUCTION);
    }
    return new ChatRequest(copy, model, stream, includeUsage);
  }

  /**
   * The body for an OpenAI-compatible upstream: the client's JSON with {@code model} replaced
   * and, when {@code forceUsage} is set on a stream, {@code stream_options.include_usage} turned
   * on. The client's own tree is left as it was.
   */
  public Buffer openAiBody(ObjectMapper mapper, String upstreamModel, boolean forceUsage) {
    ObjectNode copy = mapper.createObjectNode();
    copy.setAll(json);
    copy.put("model", upstreamModel);
    if (stream && forceUsage && !includeUsage) {
      ObjectNode options = mapper.createObjectNode();
      if (json.get("stream_options") instanceof ObjectNode clientOptions) {
        options.setAll(clientOptions);
      }
      options.put("include_usage", true);
      copy.set("stream_options", options);
    }
    try {
      return Buffer.buffer(mapper.writeValueAsBytes(copy));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed tree always serialises", e);
    }
  }
}
