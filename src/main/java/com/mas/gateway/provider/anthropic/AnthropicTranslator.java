package com.mas.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.CostQuote;
import com.mas.gateway.chat.Usage;
import com.mas.gateway.provider.ChunkEncoder;
import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.provider.ClientSink;
import com.mas.gateway.provider.ResponseTranslator;
import com.mas.gateway.provider.SseEvent;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.Arrays;

/**
 * Translates an Anthropic Messages stream (stream-doc, "Streaming Messages") into OpenAI
 * {@code chat.completion.chunk} events, and a whole message through {@link MessageBody}.
 * <ul>
 *   <li>{@code message_start} gives the id, model and input usage. The assistant-role chunk is
 *       held back until the first delta (or the finish) is ready, so that an error before any
 *       content still reaches the client as an HTTP status;
 *   <li>{@code text_delta} → content deltas;
 *   <li>a {@code tool_use} block → one OpenAI tool call; tool blocks are numbered from 0 in
 *       order of appearance. Its id and name go out at {@code content_block_start}, each
 *       non-empty {@code input_json_delta} fragment after it; a tool whose input never streamed
 *       gets {@code {}} at {@code content_block_stop}. With JSON output the forced tool's input
 *       is streamed as content instead, and text blocks are dropped;
 *   <li>{@code thinking_delta} → {@code reasoning_content} when the client opted in, else
 *       dropped; signatures, redacted thinking, {@code ping} and unknown events are dropped;
 *   <li>{@code message_delta} gives the stop reason ({@link StopReasons}) and the final usage
 *       ({@link UsageCounts}); {@code message_stop} → the finish chunk, the usage chunk when the
 *       client asked for it, {@code [DONE]};
 *   <li>an {@code error} event fails the sink with {@link AnthropicErrors#forEvent}: before any
 *       chunk went out that is a proper HTTP status (e.g. 503 for {@code overloaded_error}),
 *       after that a final SSE error event. A body that ends before {@code message_stop} is a
 *       502 {@code upstream_stream_cut}.
 * </ul>
 * One instance per attempt, used on the request's event loop only. Per event it parses the
 * payload once and allocates nothing but the client chunk.
 */
final class AnthropicTranslator implements ResponseTranslator {

  private static final byte IGNORED = 0;
  private static final byte TEXT = 1;
  private static final byte TOOL = 2;
  private static final byte THINKING = 3;
  private static final byte JSON_OUTPUT = 4;
  /** Block indexes past this are ignored rather than tracked (a message has a handful of blocks). */
  private static final int MAX_BLOCKS = 4096;

  private final ObjectMapper mapper;
  private final AnswerShape shape;
  private final boolean includeUsage;
  private final AnthropicErrors errors;
  private final String fallbackId;
  private final String fallbackModel;
  private final UsageCounts usage = new UsageCounts();
  private final CostQuote costQuote;
  private ChunkEncoder encoder;
  private byte[] kinds = new byte[8];
  private int[] toolIndexes = new int[8];
  private boolean[] argumentsSent = new boolean[8];
  private int tools;
  private String stopReason;
  private boolean opened;
  private boolean finished;

  /**
   * @param shape what the request asked the answer to look like
   * @param includeUsage send the usage chunk at the end ({@code stream_options.include_usage})
   * @param fallbackId the chunk id if the stream never names its message
   * @param fallbackModel the chunk model if the stream never names it
   */
  AnthropicTranslator(ObjectMapper mapper, AnswerShape shape, boolean includeUsage, AnthropicErrors errors,
      String fallbackId, String fallbackModel) {
    this(mapper, shape, includeUsage, errors, fallbackId, fallbackModel, CostQuote.NONE);
  }

  /** @param costQuote prices the usage for the usage chunk's {@code cost_usd} */
  AnthropicTranslator(ObjectMapper mapper, AnswerShape shape, boolean includeUsage, AnthropicErrors errors,
      String fallbackId, String fallbackModel, CostQuote costQuote) {
    this.costQuote = costQuote;
    this.mapper = mapper;
    this.shape = shape;
    this.includeUsage = includeUsage;
    this.errors = errors;
    this.fallbackId = fallbackId;
    this.fallbackModel = fallbackModel;
  }

  @Override
  public void onEvent(SseEvent event, ClientSink sink) {
    if (finished || "ping".equals(event.name())) {
      return;
    }
    JsonNode json = parse(event.data());
    if (json == null) {
      fail(sink, GatewayException.badGateway("upstream_malformed_event",
          "The upstream provider sent a malformed event; the answer is incomplete."));
      return;
    }
    String type = event.name() != null ? event.name() : json.path("type").asText();
    switch (type) {
      case "message_start" -> start(json.path("message"));
      case "content_block_start" -> blockStart(json.path("index").asInt(), json.path("content_block"), sink);
      case "content_block_delta" -> delta(json.path("index").asInt(), json.path("delta"), sink);
      case "content_block_stop" -> blockStop(json.path("index").asInt(), sink);
      case "message_delta" -> messageDelta(json);
      case "message_stop" -> stop(sink);
      case "error" -> fail(sink, errors.forEvent(event.data()));
      default -> { } // "your code should handle unknown event types gracefully" (stream-doc)
    }
  }

  private void start(JsonNode message) {
    encoder = new ChunkEncoder(message.path("id").asText(fallbackId), message.path("model").asText(fallbackModel),
        System.currentTimeMillis() / 1000);
    usage.update(message.path("usage"));
  }

  private void blockStart(int index, JsonNode block, ClientSink sink) {
    if (index < 0 || index >= MAX_BLOCKS) {
      return;
    }
    ensureCapacity(index);
    byte kind = kindOf(block.path("type").asText());
    kinds[index] = kind;
    argumentsSent[index] = false;
    if (kind == TOOL) {
      toolIndexes[index] = tools++;
      JsonNode input = block.path("input");
      String arguments = input.isObject() && !input.isEmpty() ? input.toString() : "";
      argumentsSent[index] = !arguments.isEmpty();
      writeToolCall(sink, toolIndexes[index], encoder().toolCallStart(toolIndexes[index], block.path("id").asText(),
          block.path("name").asText(), arguments));
    } else if (kind == TEXT && !block.path("text").asText().isEmpty()) {
      write(sink, encoder().content(block.path("text").asText()), ChunkKind.CONTENT);
    }
  }

  private byte kindOf(String blockType) {
    return switch (blockType) {
      case "text" -> shape.jsonOutput() ? IGNORED : TEXT;
      case "tool_use" -> shape.jsonOutput() ? JSON_OUTPUT : TOOL;
      case "thinking" -> shape.reasoning() ? THINKING : IGNORED;
      default -> IGNORED; // redacted_thinking, server tools and block types added later
    };
  }

  private void delta(int index, JsonNode delta, ClientSink sink) {
    byte kind = index >= 0 && index < kinds.length ? kinds[index] : IGNORED;
    switch (delta.path("type").asText()) {
      case "text_delta" -> {
        if (kind == TEXT) {
          writeIfAny(sink, delta.path("text").asText(), false);
        }
      }
      case "input_json_delta" -> arguments(index, kind, delta.path("partial_json").asText(), sink);
      case "thinking_delta" -> {
        if (kind == THINKING) {
          writeIfAny(sink, delta.path("thinking").asText(), true);
        }
      }
      default -> { } // signature_delta, citations_delta and later delta types
    }
  }

  private void arguments(int index, byte kind, String fragment, ClientSink sink) {
    if (fragment.isEmpty()) {
      return;
    }
    if (kind == TOOL) {
      argumentsSent[index] = true;
      writeToolCall(sink, toolIndexes[index], encoder().toolCallArguments(toolIndexes[index], fragment));
    } else if (kind == JSON_OUTPUT) {
      write(sink, encoder().content(fragment), ChunkKind.CONTENT);
    }
  }

  private void writeIfAny(ClientSink sink, String text, boolean reasoning) {
    if (!text.isEmpty()) {
      write(sink, reasoning ? encoder().reasoning(text) : encoder().content(text), ChunkKind.CONTENT);
    }
  }

  private void blockStop(int index, ClientSink sink) {
    if (index >= 0 && index < kinds.length && kinds[index] == TOOL && !argumentsSent[index]) {
      argumentsSent[index] = true;
      writeToolCall(sink, toolIndexes[index], encoder().toolCallArguments(toolIndexes[index], "{}"));
    }
  }

  private void messageDelta(JsonNode json) {
    JsonNode reason = json.path("delta").path("stop_reason");
    if (reason.isTextual()) {
      stopReason = reason.asText();
    }
    usage.update(json.path("usage"));
  }

  private void stop(ClientSink sink) {
    write(sink, encoder().finish(StopReasons.finishReason(stopReason, shape.jsonOutput())), ChunkKind.FINISH);
    Usage total = usage.usage();
    if (includeUsage && total != null) {
      sink.write(encoder.usage(total, costQuote.microDollars(total)), ChunkKind.USAGE);
    }
    sink.write(ChunkEncoder.done(), ChunkKind.DONE);
    finished = true;
    sink.finish();
  }

  /** Writes {@code chunk}, preceded by the assistant-role chunk if it is the first. */
  private void write(ClientSink sink, Buffer chunk, ChunkKind kind) {
    open(sink);
    sink.write(chunk, kind);
  }

  private void writeToolCall(ClientSink sink, int toolIndex, Buffer chunk) {
    open(sink);
    sink.writeToolCall(chunk, toolIndex);
  }

  private void open(ClientSink sink) {
    if (!opened) {
      opened = true;
      sink.write(encoder().role(), ChunkKind.OPENING);
    }
  }

  private void fail(ClientSink sink, GatewayException error) {
    finished = true;
    sink.fail(error);
  }

  @Override
  public void onEnd(ClientSink sink) {
    if (!finished) {
      fail(sink, GatewayException.badGateway("upstream_stream_cut",
          "The upstream provider ended the stream before the answer was complete."));
    }
  }

  @Override
  public Buffer completeBody(Buffer upstreamBody) {
    opened = true;
    return MessageBody.translate(mapper, upstreamBody, shape, usage, errors);
  }

  @Override
  public Usage usage() {
    return usage.usage();
  }

  @Override
  public boolean contentSent() {
    return opened;
  }

  private ChunkEncoder encoder() {
    if (encoder == null) {
      encoder = new ChunkEncoder(fallbackId, fallbackModel, System.currentTimeMillis() / 1000);
    }
    return encoder;
  }

  private JsonNode parse(Buffer data) {
    try {
      JsonNode json = mapper.readTree(data.getBytes());
      return json != null && json.isObject() ? json : null;
    } catch (IOException e) {
      return null;
    }
  }

  private void ensureCapacity(int index) {
    if (index >= kinds.length) {
      int size = Math.max(index + 1, kinds.length * 2);
      kinds = Arrays.copyOf(kinds, size);
      toolIndexes = Arrays.copyOf(toolIndexes, size);
      argumentsSent = Arrays.copyOf(argumentsSent, size);
    }
  }
}
