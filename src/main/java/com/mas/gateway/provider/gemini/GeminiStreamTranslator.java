package com.mas.gateway.provider.gemini;

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
import java.util.concurrent.ThreadLocalRandom;

/**
 * Translates a Gemini {@code streamGenerateContent?alt=sse} answer into OpenAI
 * {@code chat.completion.chunk} events. Each event is a whole {@code GenerateContentResponse},
 * read once with a streaming parser ({@link ResponseReader}); its {@code candidates[0].content.parts}
 * become deltas in order:
 *
 * <ul>
 *   <li>text → {@code content}; empty texts (signature-only parts) are skipped;
 *   <li>{@code thought: true} text → {@code reasoning_content} when the client opted in
 *       ({@code reasoning_effort}), otherwise dropped; never {@code content};
 *   <li>{@code functionCall} → one complete tool call delta: an id made here ({@code call_} + a
 *       per-stream random part + the call's index; Gemini sends none), the name and the whole
 *       {@code args} as the arguments string. Each call gets the next OpenAI index, so parallel
 *       calls come out in order;
 *   <li>other parts (inline images, code execution) have no chat-completions form and are skipped.
 * </ul>
 *
 * <p>Gemini has no {@code [DONE]}: the stream ends with the body. The chunk carrying
 * {@code finishReason} produces the finish chunk at once ({@link GeminiOutcomes} maps the
 * reason); the usage chunk (when the client asked) and {@code [DONE]} follow when the body ends,
 * so a later usage update still counts. A body that ends without a finish reason was cut:
 * {@code upstream_stream_cut}. An {@code {"error":...}} event (genai-py accepts one mid-stream;
 * see {@code stream_error_midstream.sse}) is mapped like an HTTP error of its {@code code}: an
 * HTTP error if nothing went out yet, else the final SSE error event. A bare, {@code data:}-less
 * error object is not an SSE event and is not seen; the stream then ends as cut.
 *
 * <p>The assistant role chunk goes out with the first delta, so that a failure before any
 * content still gets a proper HTTP status. One instance per attempt, on its event loop only.
 */
final class GeminiStreamTranslator implements ResponseTranslator, ResponseReader.Parts {

  private final ChunkEncoder chunks;
  private final ResponseReader reader = new ResponseReader();
  private final GeminiErrors errors;
  private final boolean includeUsage;
  private final boolean reasoning;
  private final String callIdPrefix;
  private final GeminiCompletion completion;
  private final CostQuote costQuote;
  private ClientSink sink;
  private String finishReason;
  private int toolCalls;
  private boolean started;
  private boolean over;

  /**
   * @param id the completion id the client sees
   * @param model the model name the client sees
   * @param created seconds since the epoch
   * @param includeUsage the client asked for the usage chunk
   * @param reasoning the client opted in to thought summaries as {@code reasoning_content}
   * @param errors maps error objects reported inside the answer
   * @param callIdPrefix what the ids of this answer's tool calls start with ({@link #randomCallIdPrefix()})
   */
  GeminiStreamTranslator(String id, String model, long created, boolean includeUsage, boolean reasoning,
      GeminiErrors errors, String callIdPrefix) {
    this(id, model, created, includeUsage, reasoning, errors, callIdPrefix, CostQuote.NONE);
  }

  /** @param costQuote prices the usage for the usage chunk's {@code cost_usd} */
  GeminiStreamTranslator(String id, String model, long created, boolean includeUsage, boolean reasoning,
      GeminiErrors errors, String callIdPrefix, CostQuote costQuote) {
    this.costQuote = costQuote;
    this.chunks = new ChunkEncoder(id, model, created);
    this.completion = new GeminiCompletion(id, model, created, reasoning, callIdPrefix);
    this.includeUsage = includeUsage;
    this.reasoning = reasoning;
    this.errors = errors;
    this.callIdPrefix = callIdPrefix;
  }

  /** {@code call_} and a random part, so that ids of different answers in one conversation differ. */
  static String randomCallIdPrefix() {
    return "call_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + "_";
  }

  @Override
  public void onEvent(SseEvent event, ClientSink sink) {
    if (over) {
      return;
    }
    this.sink = sink;
    try {
      reader.read(event.data().getBytes(), this);
    } catch (IOException e) {
      fail(GatewayException.badGateway("upstream_malformed_event",
          "The upstream provider sent a malformed event; the answer is incomplete."));
      return;
    }
    if (reader.error() != null) {
      fail(errors.inStream(reader.error(), event.data()));
    } else if (finishReason == null && reader.finishReason() != null) {
      finish(reader.finishReason());
    } else if (finishReason == null && !reader.hasCandidate() && reader.blockReason() != null) {
      blocked(reader.blockReason());
    }
  }

  @Override
  public void text(String text, boolean thought) {
    if (finishReason != null || text.isEmpty()) {
      return;
    }
    if (!thought) {
      emit(chunks.content(text), ChunkKind.CONTENT, -1);
    } else if (reasoning) {
      emit(chunks.reasoning(text), ChunkKind.CONTENT, -1);
    }
  }

  @Override
  public void functionCall(String name, String arguments) {
    if (finishReason == null) {
      int index = toolCalls++;
      emit(chunks.toolCallStart(index, callIdPrefix + index, name, arguments), ChunkKind.TOOL_CALL, index);
    }
  }

  private void finish(String reason) {
    if (GeminiOutcomes.isFailure(reason)) {
      fail(GeminiOutcomes.failure(reason));
      return;
    }
    finishReason = GeminiOutcomes.finishReason(reason, toolCalls > 0);
    emit(chunks.finish(finishReason), ChunkKind.FINISH, -1);
  }

  private void blocked(String reason) {
    if (!started) {
      fail(GeminiOutcomes.blockedPrompt(reason));
      return;
    }
    finishReason = "content_filter";
    emit(chunks.finish(finishReason), ChunkKind.FINISH, -1);
  }

  /** Writes {@code chunk} ({@code toolIndex} for a tool call), preceded by the role chunk if it is the first. */
  private void emit(Buffer chunk, ChunkKind kind, int toolIndex) {
    if (!started) {
      started = true;
      sink.write(chunks.role(), ChunkKind.OPENING);
    }
    if (kind == ChunkKind.TOOL_CALL) {
      sink.writeToolCall(chunk, toolIndex);
    } else {
      sink.write(chunk, kind);
    }
  }

  private void fail(GatewayException error) {
    over = true;
    sink.fail(error);
  }

  @Override
  public void onEnd(ClientSink sink) {
    if (over) {
      return;
    }
    this.sink = sink;
    if (finishReason == null) {
      fail(GatewayException.badGateway("upstream_stream_cut",
          "The upstream provider ended the stream before the answer was complete."));
      return;
    }
    over = true;
    Usage usage = reader.usage();
    if (includeUsage && usage != null) {
      sink.write(chunks.usage(usage, costQuote.microDollars(usage)), ChunkKind.USAGE);
    }
    sink.write(ChunkEncoder.done(), ChunkKind.DONE);
    sink.finish();
  }

  @Override
  public Buffer completeBody(Buffer upstreamBody) {
    Buffer body = completion.body(reader, upstreamBody.getBytes());
    started = true;
    return body;
  }

  @Override
  public Usage usage() {
    return reader.usage();
  }

  @Override
  public boolean contentSent() {
    return started;
  }
}
