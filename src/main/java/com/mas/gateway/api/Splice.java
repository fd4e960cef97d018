package com.mas.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.chat.CostQuote;
import com.mas.gateway.chat.Usage;
import com.mas.gateway.provider.ChunkEncoder;
import com.mas.gateway.provider.ChunkKind;
import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Fits an attempt's events into a client stream that earlier attempts already used, so that
 * the client sees one answer. Only attempts after a failover or a break come here, and each of
 * their events is parsed and written again; the first attempt's events pass untouched.
 * <ul>
 *   <li>the usage report carries the usage of every attempt, as charged (the part of a broken
 *       stream is estimated, see {@link Completion.Attempt#charged}), and their summed cost;
 *   <li>a continuation (the client has part of the answer) also: drops the opening role chunk;
 *       gives every chunk the {@code id} and {@code model} the client saw first; trims the text
 *       the continuation repeats at the seam ({@link Seam}); drops a tool call identical (name
 *       and arguments) to one the client already has, and numbers new calls after the client's.
 * </ul>
 */
final class Splice implements EventGate.Out {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PartialAnswer partial;
  private final Usage prior;
  private final ToLongFunction<Usage> totalCost;
  private final Consumer<Buffer> emit;
  private final Seam seam;
  private final Set<PartialAnswer.Call> matched = new HashSet<>();
  private final Map<Integer, Integer> toolIndexes = new HashMap<>();
  private int nextToolIndex;
  private ObjectNode held;

  /**
   * @param partial what the client has, for a continuation; null when it has nothing yet
   * @param prefilled the continuation was a prefill, which does not repeat the partial answer
   * @param prior the usage of the attempts before, as charged; null when they cost nothing
   * @param totalCost the cost in micro-dollars of this attempt's usage plus the attempts'
   *     before, or -1 when some part has no price
   * @param emit where the events go
   */
  Splice(PartialAnswer partial, boolean prefilled, Usage prior, ToLongFunction<Usage> totalCost,
      Consumer<Buffer> emit) {
    this.partial = partial;
    this.prior = prior;
    this.totalCost = totalCost;
    this.emit = emit;
    this.seam = partial == null ? null : new Seam(partial.text(), prefilled);
    this.nextToolIndex = partial == null ? 0 : partial.nextToolIndex();
  }

  @Override
  public void event(Buffer event, ChunkKind kind) {
    if (kind == ChunkKind.OPENING && partial != null) {
      return;
    }
    ObjectNode chunk = kind == ChunkKind.DONE ? null : SseData.parse(JSON, SseData.payload(event));
    if (chunk == null) {
      settleSeam();
      emit.accept(event);
      return;
    }
    rewrite(chunk);
    JsonNode content = delta(chunk).get("content");
    if (seam != null && !seam.decided() && content != null && content.isTextual()) {
      String out = seam.feed(content.asText());
      if (seam.decided()) {
        emitText(chunk, out);
      } else {
        held = chunk;
      }
      return;
    }
    settleSeam();
    emit.accept(SseData.frame(JSON, chunk));
  }

  @Override
  public void toolCall(List<Buffer> events, int index) {
    settleSeam();
    List<ObjectNode> chunks = events.stream().map(e -> SseData.parse(JSON, SseData.payload(e))).toList();
    int clientIndex = toolIndexes.computeIfAbsent(index, i -> clientIndex(chunks, i));
    if (clientIndex < 0) {
      return;
    }
    for (ObjectNode chunk : chunks) {
      rewrite(chunk);
      delta(chunk).path("tool_calls").forEach(call -> {
        if (call.path("index").asInt() == index) {
          ((ObjectNode) call).put("index", clientIndex);
        }
      });
      emit.accept(SseData.frame(JSON, chunk));
    }
  }

  /** The index the client sees for this attempt's call {@code index}, or -1 when the client has it already. */
  private int clientIndex(List<ObjectNode> chunks, int index) {
    if (partial == null) {
      return index;
    }
    String name = "";
    StringBuilder arguments = new StringBuilder();
    for (ObjectNode chunk : chunks) {
      for (JsonNode call : delta(chunk).path("tool_calls")) {
        if (call.path("index").asInt() == index) {
          name = call.path("function").path("name").asText(name);
          arguments.append(call.path("function").path("arguments").asText(""));
        }
      }
    }
    for (PartialAnswer.Call had : partial.calls()) {
      if (!matched.contains(had) && had.sameAs(JSON, name, arguments.toString())) {
        matched.add(had);
        return -1;
      }
    }
    return nextToolIndex++;
  }

  /** The continuation's first text is decided by now: what is held goes out, less the overlap. */
  private void settleSeam() {
    if (seam != null && !seam.decided()) {
      String out = seam.flush();
      if (held != null) {
        emitText(held, out);
        held = null;
      }
    }
  }

  private void emitText(ObjectNode chunk, String text) {
    ObjectNode choice = (ObjectNode) chunk.path("choices").path(0);
    if (text.isEmpty() && choice.path("finish_reason").isNull()) {
      return;
    }
    ((ObjectNode) choice.path("delta")).put("content", text);
    emit.accept(SseData.frame(JSON, chunk));
  }

  /** The stream's id and model, and the usage of every attempt so far. */
  private void rewrite(ObjectNode chunk) {
    if (partial != null && partial.id() != null && chunk.has("id")) {
      chunk.put("id", partial.id());
    }
    if (partial != null && partial.model() != null && chunk.has("model")) {
      chunk.put("model", partial.model());
    }
    if (prior != null && chunk.get("usage") instanceof ObjectNode reported) {
      Usage own = Usage.fromOpenAi(reported);
      ObjectNode total = prior.plus(own).writeOpenAi(chunk.putObject("usage"));
      long cost = totalCost.applyAsLong(own);
      if (cost >= 0) {
        total.put(ChunkEncoder.COST_FIELD, new BigDecimal(CostQuote.usd(cost)));
      }
    }
  }

  private static JsonNode delta(ObjectNode chunk) {
    return chunk.path("choices").path(0).path("delta");
  }
}
