package com.mas.gateway.language;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.provider.ClientSink;
import io.vertx.core.buffer.Buffer;
import java.util.function.IntConsumer;

/**
 * Watches one answer's text and, when it ends, records two quality signals: the share of its
 * script-specific ideographs written in the user's Chinese script ({@code mas_gateway_answer_script_share},
 * only for Chinese users and answers with at least one such ideograph), and whether its
 * language is the question's ({@code mas_gateway_answer_language_match}). Only the first
 * {@link LanguageDetector#MAX_CHARS} code points are read; nothing is buffered.
 *
 * <p>Fed either as a {@link #tap(ClientSink) tap} on the events a translator writes (put it
 * before a {@link ScriptFidelity#wrap converting sink} to measure what the model wrote, after it
 * to measure what the client got, and say which with {@code point}) or with a whole
 * {@code chat.completion} body. One per answer, used on the request's event loop.
 */
public final class AnswerQuality implements ContentSpans.Visitor {

  private final ScriptTally tally;
  private final String questionTag;
  private final String userScript;
  private final String point;
  private final LanguageMetrics metrics;
  private final IntConsumer counter = this::count;
  private final JsonCodePoint reader = new JsonCodePoint();
  private boolean recorded;

  AnswerQuality(CharTable table, String questionTag, String point, LanguageMetrics metrics) {
    this.tally = new ScriptTally(table);
    this.questionTag = questionTag;
    this.userScript = Tags.chineseScript(questionTag);
    this.point = point;
    this.metrics = metrics;
  }

  /** A sink that passes every call on to {@code next} unchanged, reading the answer text on the way. */
  public ClientSink tap(ClientSink next) {
    return new ClientSink() {
      @Override
      public void write(Buffer event, ChunkKind kind) {
        if (kind == ChunkKind.CONTENT) {
          observeEvent(event);
        }
        next.write(event, kind);
      }

      @Override
      public void writeToolCall(Buffer event, int index) {
        next.writeToolCall(event, index);
      }

      @Override
      public void finish() {
        record();
        next.finish();
      }

      @Override
      public void fail(GatewayException error) {
        record();
        next.fail(error);
      }
    };
  }

  /** Reads a whole answer and records at once. */
  public void observeCompletion(Buffer body) {
    byte[] json = body.getBytes();
    ContentSpans.scan(json, 0, json.length, ContentSpans.MESSAGE, this);
    record();
  }

  private void observeEvent(Buffer event) {
    if (tally.counted() < LanguageDetector.MAX_CHARS && event.length() > SseEvents.MIN_DATA_EVENT) {
      byte[] bytes = event.getBytes();
      if (SseEvents.isDataEvent(bytes)) {
        ContentSpans.scan(bytes, SseEvents.DATA_START, bytes.length - 2, ContentSpans.DELTA, this);
      }
    }
  }

  /** Share of the answer's script-specific ideographs in the user's script; NaN when there were none or the user's script is unknown. */
  public double scriptShare() {
    int total = tally.simplified() + tally.traditional();
    if (userScript == null || total == 0) {
      return Double.NaN;
    }
    return (double) (userScript.equals(Tags.HANS) ? tally.simplified() : tally.traditional()) / total;
  }

  /** The answer's language so far, as the detector would tag it. */
  public String answerLanguage() {
    return Verdicts.of(tally).tag();
  }

  /** Records the signals; only the first call counts. */
  public void record() {
    if (recorded) {
      return;
    }
    recorded = true;
    double share = scriptShare();
    if (!Double.isNaN(share)) {
      metrics.scriptShare(userScript, point, share);
    }
    String answer = answerLanguage();
    String match = answer.equals(Tags.UNDETERMINED) || questionTag.equals(Tags.UNDETERMINED) ? "unknown"
        : Tags.language(answer).equals(Tags.language(questionTag)) ? "yes" : "no";
    metrics.languageMatch(questionTag, point, match);
  }

  @Override
  public void text(byte[] json, int start, int end, int field, int choice) {
    if (field == ContentSpans.CONTENT) {
      JsonCodePoint.forEach(json, start, end, reader, counter);
    }
  }

  private void count(int codePoint) {
    if (tally.counted() < LanguageDetector.MAX_CHARS) {
      tally.add(codePoint);
    }
  }
}
