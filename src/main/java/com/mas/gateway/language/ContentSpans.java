package com.mas.gateway.language;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the answer text in one OpenAI JSON object without building a tree: the string values of
 * {@code content} and {@code reasoning_content} in {@code choices[i].delta} (a
 * {@code chat.completion.chunk}) or {@code choices[i].message} (a whole {@code chat.completion}).
 * One pass over the bytes, nothing allocated.
 *
 * <p>The JSON has already been checked by the provider's translator, so this scan is lenient:
 * when something is not where it expects it stops and reports failure, and the caller forwards
 * the object untouched.
 */
final class ContentSpans {

  /** Receives each text found: {@code json[start, end)} is the string's body, between its quotes. */
  interface Visitor {
    void text(byte[] json, int start, int end, int field, int choice);
  }

  static final int CONTENT = 0;
  static final int REASONING = 1;
  static final byte[] DELTA = bytes("delta");
  static final byte[] MESSAGE = bytes("message");
  private static final byte[] CHOICES = bytes("choices");
  private static final byte[] INDEX = bytes("index");
  private static final byte[] CONTENT_KEY = bytes("content");
  private static final byte[] REASONING_KEY = bytes("reasoning_content");
  private static final int ROOT = 0;
  private static final int CHOICE = 1;
  private static final int TEXTS = 2;

  private final byte[] json;
  private final int limit;
  private final byte[] container;
  private final Visitor visitor;
  private int pos;
  private int choice;

  private ContentSpans(byte[] json, int from, int to, byte[] container, Visitor visitor) {
    this.json = json;
    this.pos = from;
    this.limit = to;
    this.container = container;
    this.visitor = visitor;
  }

  /**
   * Reports every answer text of the object in {@code json[from, to)} to {@code visitor}, in order.
   *
   * @param container {@link #DELTA} or {@link #MESSAGE}
   * @return false when the object is not shaped as expected (texts before that point were reported)
   */
  static boolean scan(byte[] json, int from, int to, byte[] container, Visitor visitor) {
    ContentSpans scan = new ContentSpans(json, from, to, container, visitor);
    scan.skipSpace();
    return scan.at('{') && scan.object(ROOT);
  }

  private boolean object(int level) {
    pos++;
    skipSpace();
    if (at('}')) {
      pos++;
      return true;
    }
    while (at('"')) {
      int keyStart = pos + 1;
      if (!skipString()) {
        return false;
      }
      int keyEnd = pos - 1;
      skipSpace();
      if (!at(':')) {
        return false;
      }
      pos++;
      skipSpace();
      if (!member(level, keyStart, keyEnd)) {
        return false;
      }
      skipSpace();
      if (at('}')) {
        pos++;
        return true;
      }
      if (!at(',')) {
        return false;
      }
      pos++;
      skipSpace();
    }
    return false;
  }

  private boolean member(int level, int keyStart, int keyEnd) {
    if (level == ROOT && key(keyStart, keyEnd, CHOICES) && at('[')) {
      return choices();
    }
    if (level == CHOICE && key(keyStart, keyEnd, INDEX)) {
      choice = number();
      return choice >= 0 || skipValue();
    }
    if (level == CHOICE && key(keyStart, keyEnd, container) && at('{')) {
      return object(TEXTS);
    }
    int field = level != TEXTS ? -1
        : key(keyStart, keyEnd, CONTENT_KEY) ? CONTENT : key(keyStart, keyEnd, REASONING_KEY) ? REASONING : -1;
    if (field < 0 || !at('"')) {
      return skipValue();
    }
    int start = pos + 1;
    if (!skipString()) {
      return false;
    }
    visitor.text(json, start, pos - 1, field, choice);
    return true;
  }

  private boolean choices() {
    pos++;
    for (int position = 0; ; position++) {
      skipSpace();
      if (at(']')) {
        pos++;
        return true;
      }
      choice = position; // until the choice says its index
      if (!(at('{') ? object(CHOICE) : skipValue())) {
        return false;
      }
      skipSpace();
      if (at(',')) {
        pos++;
      } else if (!at(']')) {
        return false;
      }
    }
  }

  /** A small non-negative integer at pos, or -1 (pos unchanged) when there is none. */
  private int number() {
    int value = 0;
    int start = pos;
    while (pos < limit && json[pos] >= '0' && json[pos] <= '9' && pos - start < 6) {
      value = value * 10 + (json[pos++] - '0');
    }
    if (pos == start) {
      return -1;
    }
    return value;
  }

  private boolean skipValue() {
    if (pos >= limit) {
      return false;
    }
    byte first = json[pos];
    if (first == '"') {
      return skipString();
    }
    if (first == '{' || first == '[') {
      return skipContainer();
    }
    while (pos < limit && json[pos] != ',' && json[pos] != '}' && json[pos] != ']' && !isSpace(json[pos])) {
      pos++;
    }
    return true;
  }

  private boolean skipContainer() {
    int depth = 0;
    while (pos < limit) {
      byte b = json[pos];
      if (b == '"') {
        if (!skipString()) {
          return false;
        }
        continue;
      }
      pos++;
      if (b == '{' || b == '[') {
        depth++;
      } else if ((b == '}' || b == ']') && --depth == 0) {
        return true;
      }
    }
    return false;
  }

  /** Moves pos past the string at pos (on its opening quote). */
  private boolean skipString() {
    pos++;
    while (pos < limit) {
      byte b = json[pos++];
      if (b == '"') {
        return true;
      }
      if (b == '\\') {
        pos++;
      }
    }
    return false;
  }

  private boolean key(int start, int end, byte[] name) {
    return Arrays.equals(json, start, end, name, 0, name.length);
  }

  private boolean at(char c) {
    return pos < limit && json[pos] == c;
  }

  private void skipSpace() {
    while (pos < limit && isSpace(json[pos])) {
      pos++;
    }
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.US_ASCII);
  }
}
