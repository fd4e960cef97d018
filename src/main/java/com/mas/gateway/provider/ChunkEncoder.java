package com.mas.gateway.provider;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.mas.gateway.chat.Usage;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes OpenAI {@code chat.completion.chunk} events for a translated stream, each framed as
 * {@code data: <json>\n\n}. One per stream, used on its event loop only: it reuses one byte
 * builder, so an event costs its output buffer and nothing else. Fields are written in the
 * order OpenAI sends them.
 */
public final class ChunkEncoder {

  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] DATA = {'d', 'a', 't', 'a', ':', ' '};
  private static final byte[] END = {'\n', '\n'};

  /** OpenAI's end-of-stream marker. */
  public static Buffer done() {
    return Buffer.buffer("data: [DONE]\n\n");
  }

  private final String id;
  private final String model;
  private final long created;
  private final ByteArrayBuilder bytes = new ByteArrayBuilder(256);

  /**
   * @param id the completion id every chunk carries
   * @param model the model name every chunk carries
   * @param created seconds since the epoch
   */
  public ChunkEncoder(String id, String model, long created) {
    this.id = id;
    this.model = model;
    this.created = created;
  }

  /** The first delta: the assistant role with empty content, as OpenAI opens a stream. */
  public Buffer role() {
    JsonGenerator json = open();
    write(() -> {
      json.writeStringField("role", "assistant");
      json.writeStringField("content", "");
    }, json);
    return close(json, null);
  }

  /** A text delta. */
  public Buffer content(String text) {
    JsonGenerator json = open();
    write(() -> json.writeStringField("content", text), json);
    return close(json, null);
  }

  /** A reasoning delta ({@code reasoning_content}, as DeepSeek sends it). */
  public Buffer reasoning(String text) {
    JsonGenerator json = open();
    write(() -> json.writeStringField("reasoning_content", text), json);
    return close(json, null);
  }

  /** The first delta of tool call {@code index}: its id, function name and first arguments. */
  public Buffer toolCallStart(int index, String callId, String name, String arguments) {
    JsonGenerator json = open();
    write(() -> {
      toolCallHead(json, index);
      json.writeStringField("id", callId);
      json.writeStringField("type", "function");
      json.writeObjectFieldStart("function");
      json.writeStringField("name", name);
      json.writeStringField("arguments", arguments);
      json.writeEndObject();
      toolCallTail(json);
    }, json);
    return close(json, null);
  }

  /** A further fragment of tool call {@code index}'s arguments. */
  public Buffer toolCallArguments(int index, String fragment) {
    JsonGenerator json = open();
    write(() -> {
      toolCallHead(json, index);
      json.writeObjectFieldStart("function");
      json.writeStringField("arguments", fragment);
      json.writeEndObject();
      toolCallTail(json);
    }, json);
    return close(json, null);
  }

  /** The chunk with an empty delta and the finish reason. */
  public Buffer finish(String finishReason) {
    JsonGenerator json = open();
    write(() -> {}, json);
    return close(json, finishReason);
  }

  /** The usage-only chunk ({@code choices} empty) that {@code stream_options.include_usage} asks for. */
  public Buffer usage(Usage usage) {
    try {
      JsonGenerator json = header();
      json.writeArrayFieldStart("choices");
      json.writeEndArray();
      json.writeObjectFieldStart("usage");
      writeUsage(json, usage);
      json.writeEndObject();
      return frame(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code usage}'s fields the way OpenAI reports them. */
  public static void writeUsage(JsonGenerator json, Usage usage) throws IOException {
    json.writeNumberField("prompt_tokens", usage.promptTokens());
    json.writeNumberField("completion_tokens", usage.completionTokens());
    json.writeNumberField("total_tokens", usage.totalTokens());
    json.writeObjectFieldStart("prompt_tokens_details");
    json.writeNumberField("cached_tokens", usage.cachedTokens());
    json.writeEndObject();
    json.writeObjectFieldStart("completion_tokens_details");
    json.writeNumberField("reasoning_tokens", usage.reasoningTokens());
    json.writeEndObject();
  }

  private interface Fields {
    void write() throws IOException;
  }

  /** Starts a chunk up to the inside of {@code choices[0].delta}. */
  private JsonGenerator open() {
    try {
      JsonGenerator json = header();
      json.writeArrayFieldStart("choices");
      json.writeStartObject();
      json.writeNumberField("index", 0);
      json.writeObjectFieldStart("delta");
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Fields fields, JsonGenerator json) {
    try {
      fields.write();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Buffer close(JsonGenerator json, String finishReason) {
    try {
      json.writeFieldName("logprobs");
      json.writeNull();
      json.writeFieldName("finish_reason");
      if (finishReason == null) {
        json.writeNull();
      } else {
        json.writeString(finishReason);
      }
      json.writeEndObject();
      json.writeEndArray();
      return frame(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonGenerator header() throws IOException {
    bytes.reset();
    bytes.write(DATA);
    JsonGenerator json = JSON.createGenerator(bytes);
    json.writeStartObject();
    json.writeStringField("id", id);
    json.writeStringField("object", "chat.completion.chunk");
    json.writeNumberField("created", created);
    json.writeStringField("model", model);
    return json;
  }

  private Buffer frame(JsonGenerator json) throws IOException {
    json.writeEndObject();
    json.close();
    bytes.write(END);
    return Buffer.buffer(bytes.toByteArray());
  }

  private static void toolCallHead(JsonGenerator json, int index) throws IOException {
    json.writeArrayFieldStart("tool_calls");
    json.writeStartObject();
    json.writeNumberField("index", index);
  }

  private static void toolCallTail(JsonGenerator json) throws IOException {
    json.writeEndObject();
    json.writeEndArray();
  }
}
