package com.mas.gateway.language;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rewrites the answer text inside OpenAI JSON into the other Chinese script, code point by code
 * point (each seen with its neighbours for ICU's two-character phrases, see {@link PairRules}),
 * straight on the bytes: every byte outside the texts, and every code point inside them that
 * does not change, is copied as it came (escaped characters stay escaped, in the case of hex
 * digits they were written with). Only ideographs whose form differs are rewritten.
 *
 * <p>In a stream, a text can end in the middle of a surrogate pair only when the upstream
 * escapes it ({@code "\ud840"} at the end of one delta, {@code "\udc00"} at the start of the
 * next); the high half is then held back and written, paired, at the start of the same choice's
 * next text of the same kind. Nothing else is ever held. A high half still held when the stream
 * ends is not a character and is dropped.
 *
 * <p>One per stream (or per whole answer), used by one thread; the scratch array it writes into
 * grows to the largest event it has rewritten.
 */
final class ScriptRewriter implements ContentSpans.Visitor {

  /** Choices 0..7 keep their state per kind of text; later ones start afresh with each text (n > 8 is rare). */
  private static final int TRACKED_CHOICES = 8;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private final ScriptMapping mapping;
  private final boolean streaming;
  private final char[] held = new char[TRACKED_CHOICES * 2];
  private final int[] befores = new int[TRACKED_CHOICES * 2];
  private final JsonCodePoint current = new JsonCodePoint();
  private final JsonCodePoint next = new JsonCodePoint();
  private byte[] out = new byte[512];
  private int length;
  private int copied;
  private boolean changed;

  ScriptRewriter(ScriptMapping mapping, boolean streaming) {
    this.mapping = mapping;
    this.streaming = streaming;
    Arrays.fill(befores, -1);
  }

  /**
   * The bytes {@code json[0, length)} with the texts of the object in {@code json[from, to)}
   * converted, or null when nothing changed (the caller keeps its original).
   *
   * @param container {@link ContentSpans#DELTA} or {@link ContentSpans#MESSAGE}
   */
  byte[] rewrite(byte[] json, int from, int to, byte[] container) {
    if (!mayChange(json, from, to)) {
      Arrays.fill(befores, -1); // whatever text this carries parts the characters around it
      return null;
    }
    length = 0;
    copied = 0;
    changed = false;
    ContentSpans.scan(json, from, to, container, this);
    if (!changed) {
      return null;
    }
    append(json, copied, json.length - copied);
    return Arrays.copyOf(out, length);
  }

  /** Only ideographs change, and they are written as 3- or 4-byte UTF-8 or as escapes. */
  private boolean mayChange(byte[] json, int from, int to) {
    if (streaming && anyHeld()) {
      return true;
    }
    for (int i = from; i < to; i++) {
      int b = json[i] & 0xFF;
      if (b >= 0xE0 || (b == '\\' && i + 1 < to && json[i + 1] == 'u')) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void text(byte[] json, int start, int end, int field, int choice) {
    append(json, copied, start - copied);
    copied = end;
    int key = streaming && choice < TRACKED_CHOICES ? choice * 2 + field : -1;
    int before = key >= 0 ? befores[key] : -1;
    int i = start;
    if (key >= 0 && held[key] != 0) {
      before = resumeHeld(json, start, end, key, before);
      i = current.end;
    }
    while (i < end) {
      current.read(json, i, end);
      if (current.codePoint < 0) {
        append(json, i, current.end - i);
        before = -1;
      } else if (current.escaped && Character.isHighSurrogate((char) current.codePoint) && current.end == end
          && key >= 0) {
        held[key] = (char) current.codePoint; // the low half comes with the next delta
        changed = true;
      } else {
        before = write(json, i, end, before);
      }
      i = current.end;
    }
    if (key >= 0) {
      befores[key] = before;
    }
  }

  /** Writes {@link #current} (at {@code json[at]}) converted; returns the next code point's {@code before}. */
  private int write(byte[] json, int at, int end, int before) {
    int after = current.end < end && next.read(json, current.end, end) ? next.codePoint : -1;
    long result = mapping.convert(before, current.codePoint, after);
    int mapped = (int) result;
    if (mapped == current.codePoint) {
      append(json, at, current.end - at);
    } else if (current.escaped) {
      changed = true;
      appendEscaped(mapped, isUpperHex(json, at, current.end));
    } else {
      changed = true;
      appendUtf8(mapped);
    }
    return ScriptMapping.nextBefore(current.codePoint, result);
  }

  /** A text after one that ended in a held high surrogate: pairs it with this text's first escape. */
  private int resumeHeld(byte[] json, int start, int end, int key, int before) {
    char high = held[key];
    held[key] = 0;
    changed = true;
    if (start == end || !current.read(json, start, end) || !current.escaped
        || !Character.isLowSurrogate((char) current.codePoint)) {
      appendUnit(high, false); // unpaired after all: pass it on as it came
      current.end = start;
      return -1;
    }
    int codePoint = Character.toCodePoint(high, (char) current.codePoint);
    int after = current.end < end && next.read(json, current.end, end) ? next.codePoint : -1;
    long result = mapping.convert(before, codePoint, after);
    appendEscaped((int) result, isUpperHex(json, start, current.end));
    return ScriptMapping.nextBefore(codePoint, result);
  }

  private boolean anyHeld() {
    for (char c : held) {
      if (c != 0) {
        return true;
      }
    }
    return false;
  }

  private void appendEscaped(int codePoint, boolean upper) {
    if (Character.isBmpCodePoint(codePoint)) {
      appendUnit((char) codePoint, upper);
    } else {
      appendUnit(Character.highSurrogate(codePoint), upper);
      appendUnit(Character.lowSurrogate(codePoint), upper);
    }
  }

  private void appendUnit(char unit, boolean upper) {
    byte[] digits = upper ? UPPER_HEX : HEX;
    ensure(6);
    out[length++] = '\\';
    out[length++] = 'u';
    for (int shift = 12; shift >= 0; shift -= 4) {
      out[length++] = digits[(unit >>> shift) & 0xF];
    }
  }

  private void appendUtf8(int codePoint) {
    ensure(4);
    if (codePoint < 0x80) {
      out[length++] = (byte) codePoint;
      return;
    }
    if (codePoint < 0x800) {
      out[length++] = (byte) (0xC0 | (codePoint >>> 6));
    } else if (codePoint < 0x10000) {
      out[length++] = (byte) (0xE0 | (codePoint >>> 12));
      out[length++] = (byte) (0x80 | ((codePoint >>> 6) & 0x3F));
    } else {
      out[length++] = (byte) (0xF0 | (codePoint >>> 18));
      out[length++] = (byte) (0x80 | ((codePoint >>> 12) & 0x3F));
      out[length++] = (byte) (0x80 | ((codePoint >>> 6) & 0x3F));
    }
    out[length++] = (byte) (0x80 | (codePoint & 0x3F));
  }

  private void append(byte[] bytes, int from, int count) {
    ensure(count);
    System.arraycopy(bytes, from, out, length, count);
    length += count;
  }

  private void ensure(int more) {
    if (length + more > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
    }
  }

  private static boolean isUpperHex(byte[] json, int from, int to) {
    for (int i = from; i < to; i++) {
      if (json[i] >= 'A' && json[i] <= 'F') {
        return true;
      }
    }
    return false;
  }
}
