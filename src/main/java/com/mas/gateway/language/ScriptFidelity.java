package com.mas.gateway.language;

import com.mas.gateway.chat.ChatRequest;
import com.mas.gateway.provider.ClientSink;
import io.vertx.core.buffer.Buffer;

/**
 * {@code responseScript: match} for one request: everything that keeps an answer in the user's
 * Chinese script. For a user who writes Traditional it converts Simplified to Traditional, for
 * one who writes Simplified the other way; for anyone else (and for Chinese without a known
 * script) it is {@link #isActive() inactive} and every method hands back what it was given.
 * Character by character with ICU's maps, each character seen with its neighbours for ICU's
 * two-character phrases ({@code 头发} is {@code 頭髮}, {@code 发展} {@code 發展}); longer phrases
 * are not looked for. ICU has no Taiwan or Hong Kong variant tables, so {@code zh-Hant-TW} and
 * {@code zh-Hant-HK} get the same Traditional forms.
 */
public final class ScriptFidelity {

  static final ScriptFidelity NONE = new ScriptFidelity(null, null);

  private final String script;
  private final ScriptMapping mapping;

  ScriptFidelity(String script, ScriptMapping mapping) {
    this.script = script;
    this.mapping = mapping;
  }

  /** True when answers are converted (the user's script is known). */
  public boolean isActive() {
    return script != null;
  }

  /** {@code zh-Hans} or {@code zh-Hant}: the script answers are brought to; null when inactive. */
  public String script() {
    return script;
  }

  /**
   * A sink that converts the text of the {@code chat.completion.chunk} events written to it and
   * passes everything on to {@code next} (see {@link ConvertingSink}); {@code next} itself when
   * inactive. One per stream.
   */
  public ClientSink wrap(ClientSink next) {
    return isActive() ? new ConvertingSink(next, mapping) : next;
  }

  /** A whole {@code chat.completion} body with its messages' text converted; the same buffer when nothing changes. */
  public Buffer convertCompletion(Buffer body) {
    if (!isActive()) {
      return body;
    }
    byte[] json = body.getBytes();
    byte[] converted = new ScriptRewriter(mapping, false).rewrite(json, 0, json.length, ContentSpans.MESSAGE);
    return converted == null ? body : Buffer.buffer(converted);
  }

  /** A converter for text that arrives in pieces; it passes text through unchanged when inactive. */
  public ScriptStream stream() {
    return new ScriptStream(isActive() ? mapping : ScriptMapping.IDENTITY);
  }

  /** {@code text} converted as a whole. */
  public String convert(String text) {
    ScriptStream stream = stream();
    return stream.convert(text) + stream.finish();
  }

  /** The instruction asking for the user's script, in the user's script; null when inactive. */
  public String instruction() {
    return isActive() ? ScriptInstruction.text(script) : null;
  }

  /**
   * {@code request} with the instruction as (or merged into) its leading system message; the
   * same request when inactive. The original request is not changed.
   */
  public ChatRequest instruct(ChatRequest request) {
    return isActive() ? request.withJson(ScriptInstruction.apply(request.json(), instruction())) : request;
  }
}
