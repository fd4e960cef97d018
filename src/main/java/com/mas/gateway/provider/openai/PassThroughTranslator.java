package com.mas.gateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.CostQuote;
import com.mas.gateway.chat.Usage;
import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.provider.ClientSink;
import com.mas.gateway.provider.ResponseTranslator;
import com.mas.gateway.provider.SseEvent;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.function.Function;

/**
 * Passes an OpenAI-compatible answer through unchanged: each event's payload is forwarded byte
 * for byte, after a scan for usage, errors and malformed JSON. Two changes: the usage-only
 * chunk the gateway asked for on the client's behalf is removed when the client did not ask,
 * and a {@code usage} object the client receives gains the answer's cost, {@code "cost_usd":0.001234},
 * spliced in before its closing brace (the rest of the event is not re-serialised) when the
 * model has a price.
 *
 * <p>Each event goes to the sink with its {@link ChunkKind} from the scan; a tool-call event is
 * parsed once more for its index. An {@code error} event before any answer event fails the
 * sink with the error it reports (so that another provider may answer instead); after answer
 * events it is passed on as it came, and the stream then ends normally.
 */
final class PassThroughTranslator implements ResponseTranslator {

  private static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");

  private final ObjectMapper mapper;
  private final boolean dropUsageChunk;
  private final CostQuote costQuote;
  private final Function<Buffer, GatewayException> errors;
  private Usage usage;
  private boolean contentSent;
  private boolean finished;
  private boolean upstreamError;

  PassThroughTranslator(ObjectMapper mapper, boolean dropUsageChunk) {
    this(mapper, dropUsageChunk, CostQuote.NONE,
        payload -> GatewayException.badGateway("upstream_error", "The upstream provider reported an error."));
  }

  /**
   * @param costQuote prices a reported usage for its {@code cost_usd} field
   * @param errors the client-facing error for an error event's payload
   */
  PassThroughTranslator(ObjectMapper mapper, boolean dropUsageChunk, CostQuote costQuote,
      Function<Buffer, GatewayException> errors) {
    this.mapper = mapper;
    this.dropUsageChunk = dropUsageChunk;
    this.costQuote = costQuote;
    this.errors = errors;
  }

  @Override
  public void onEvent(SseEvent event, ClientSink sink) {
    if (finished) {
      return;
    }
    if (event.isDone()) {
      finished = true;
      sink.write(DONE.copy(), ChunkKind.DONE);
      sink.finish();
      return;
    }
    byte[] json = event.data().getBytes();
    ChunkScan scan = ChunkScan.of(json);
    JsonNode reported = scan.hasUsage() ? subtree(json, scan.usageStart(), scan.usageEnd()) : null;
    if (scan.malformed() || (scan.hasUsage() && reported == null)) {
      finished = true;
      sink.fail(GatewayException.badGateway("upstream_malformed_event",
          "The upstream provider sent a malformed event; the answer is incomplete."));
      return;
    }
    if (reported != null) {
      usage = Usage.fromOpenAi(reported);
    }
    forward(event, scan, sink);
  }

  private void forward(SseEvent event, ChunkScan scan, ClientSink sink) {
    ChunkKind kind = scan.kind();
    if (kind == ChunkKind.ERROR && !contentSent) {
      finished = true;
      sink.fail(errors.apply(event.data()));
      return;
    }
    if (kind == ChunkKind.ERROR) {
      upstreamError = true;
    } else if (dropUsageChunk && scan.emptyChoices() && scan.hasUsage()) {
      return;
    } else {
      contentSent |= kind != ChunkKind.OPENING;
    }
    long cost = scan.hasUsage() ? costQuote.microDollars(usage) : -1;
    Buffer framed = cost < 0 ? frame(event.data()) : frame(UsageCost.splice(event.data(), scan.usageEnd(), cost));
    if (kind == ChunkKind.TOOL_CALL) {
      sink.writeToolCall(framed, toolIndex(event.data()));
    } else {
      sink.write(framed, kind);
    }
  }

  @Override
  public void onEnd(ClientSink sink) {
    if (finished) {
      return;
    }
    finished = true;
    if (upstreamError) {
      sink.finish();
    } else {
      sink.fail(GatewayException.badGateway("upstream_stream_cut",
          "The upstream provider ended the stream before the answer was complete."));
    }
  }

  @Override
  public Buffer completeBody(Buffer upstreamBody) {
    try {
      JsonNode root = mapper.readTree(upstreamBody.getBytes());
      if (root == null || !root.isObject()) {
        throw new IOException("not an object");
      }
      JsonNode node = root.get("usage");
      if (node != null && node.isObject()) {
        usage = Usage.fromOpenAi(node);
      }
      contentSent = true;
      return upstreamBody;
    } catch (IOException e) {
      throw GatewayException.badGateway("upstream_malformed_response", "The upstream provider sent a malformed response.");
    }
  }

  /** The index of the last tool call the event's first choice has a delta of (0 if it names none). */
  private int toolIndex(Buffer data) {
    try {
      JsonNode calls = mapper.readTree(data.getBytes()).path("choices").path(0).path("delta").path("tool_calls");
      return calls.path(calls.size() - 1).path("index").asInt(0);
    } catch (IOException e) {
      return 0; // the scan found it well-formed; unreachable in practice
    }
  }

  /** The object the scan delimited, or null when its contents are not JSON after all. */
  private JsonNode subtree(byte[] json, int start, int end) {
    try {
      return mapper.readTree(json, start, end - start);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public Usage usage() {
    return usage;
  }

  @Override
  public boolean contentSent() {
    return contentSent;
  }

  private static Buffer frame(Buffer payload) {
    return Buffer.buffer(payload.length() + 8).appendString("data: ").appendBuffer(payload).appendString("\n\n");
  }
}
