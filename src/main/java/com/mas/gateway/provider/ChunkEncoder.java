package com.mas.gateway.provider;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.mas.gateway.chat.CostQuote;
import com.mas.gateway.chat.Usage;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes OpenAI {@code chat.completion.chunk} events for a translated stream, each framed as
 * {@code data: <json>\n\n}. One per stream, used on its event loop only: one JSON generator
 * lives as long as the stream and writes each event straight into that event's buffer, so an
 * event costs its output buffer and nothing else. Fields are written in the order OpenAI sends
 * them.
 */
public final class ChunkEncoder {

  /** The field of {@code usage} that carries the answer's cost in USD (OpenRouter calls its own {@code cost}). */
  public static final String COST_FIELD = "cost_usd";

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
  private final BufferOutput output = new BufferOutput();
  private final JsonGenerator json;

  /**
   * @param id the completion id every chunk carries
   * @param model the model name every chunk carries
   * @param created seconds since the epoch
   */
  public ChunkEncoder(String id, String model, long created) {
    this.id = id;
    this.model = model;
    this.created = created;
    try {
      this.json = JSON.createGenerator(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    json.setRootValueSeparator(null);
  }

  /** The first delta: the assistant role with empty content, as OpenAI opens a stream. */
  public Buffer role() {
    open();
    write(() -> {
      json.writeStringField("role", "assistant");
      json.writeStringField("content", "");
    });
    return close(null);
  }

  /** A text delta. */
  public Buffer content(String text) {
    open();
    write(() -> json.writeStringField("content", text));
    return close(null);
  }

  /** A reasoning delta ({@code reasoning_content}, as DeepSeek sends it). */
  public Buffer reasoning(String text) {
    open();
    write(() -> json.writeStringField("reasoning_content", text));
    return close(null);
  }

  /** The first delta of tool call {@code index}: its id, function name and first arguments. */
  public Buffer toolCallStart(int index, String callId, String name, String arguments) {
    open();
    write(() -> {
      toolCallHead(index);
      json.writeStringField("id", callId);
      json.writeStringField("type", "function");
      json.writeObjectFieldStart("function");
      json.writeStringField("name", name);
      json.writeStringField("arguments", arguments);
      json.writeEndObject();
      toolCallTail();
    });
    return close(null);
  }

  /** A further fragment of tool call {@code index}'s arguments. */
  public Buffer toolCallArguments(int index, String fragment) {
    open();
    write(() -> {
      toolCallHead(index);
      json.writeObjectFieldStart("function");
      json.writeStringField("arguments", fragment);
      json.writeEndObject();
      toolCallTail();
    });
    return close(null);
  }

  /** The chunk with an empty delta and the finish reason. */
  public Buffer finish(String finishReason) {
    open();
    write(() -> {});
    return close(finishReason);
  }

  /** The usage-only chunk ({@code choices} empty) that {@code stream_options.include_usage} asks for. */
  public Buffer usage(Usage usage) {
    return usage(usage, -1);
  }

  /**
   * The usage-only chunk, with the answer's cost as {@code usage.cost_usd} (a JSON number of USD
   * with six decimals, e.g. {@code 0.001234}) unless {@code costMicros} is negative (no price).
   */
  public Buffer usage(Usage usage, long costMicros) {
    try {
      header();
      json.writeArrayFieldStart("choices");
      json.writeEndArray();
      json.writeObjectFieldStart("usage");
      writeUsage(json, usage);
      if (costMicros >= 0) {
        json.writeFieldName(COST_FIELD);
        json.writeNumber(CostQuote.usd(costMicros));
      }
      json.writeEndObject();
      return frame();
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
  private void open() {
    try {
      header();
      json.writeArrayFieldStart("choices");
      json.writeStartObject();
      json.writeNumberField("index", 0);
      json.writeObjectFieldStart("delta");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(Fields fields) {
    try {
      fields.write();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Buffer close(String finishReason) {
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
      return frame();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void header() throws IOException {
    output.target = Buffer.buffer(256).appendBytes(DATA);
    json.writeStartObject();
    json.writeStringField("id", id);
    json.writeStringField("object", "chat.completion.chunk");
    json.writeNumberField("created", created);
    json.writeStringField("model", model);
  }

  private Buffer frame() throws IOException {
    json.writeEndObject();
    json.flush();
    Buffer event = output.target.appendBytes(END);
    output.target = null;
    return event;
  }

  private void toolCallHead(int index) throws IOException {
    json.writeArrayFieldStart("tool_calls");
    json.writeStartObject();
    json.writeNumberField("index", index);
  }

  private void toolCallTail() throws IOException {
    json.writeEndObject();
    json.writeEndArray();
  }

  /** Where the generator writes: the buffer of the event being encoded. */
  private static final class BufferOutput extends OutputStream {
    private Buffer target;

    @Override
    public void write(int b) {
      target.appendByte((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      target.appendBytes(bytes, offset, length);
    }
  }
}
