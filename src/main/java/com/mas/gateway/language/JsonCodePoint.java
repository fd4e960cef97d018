package com.mas.gateway.language;

import java.util.function.IntConsumer;

/**
 * Reads the body of a JSON string (the UTF-8 bytes between its quotes) one code point at a
 * time: UTF-8 sequences decoded, {@code \\u} escapes (and escaped surrogate pairs) resolved.
 * Mutable and reused: {@link #read} fills in the code point at a position and where it ends.
 */
final class JsonCodePoint {

  /** The code point read; -1 for an escape that stands for punctuation ({@code \n}, {@code \"}) or a broken sequence. */
  int codePoint;
  /** Where what was read ends. */
  int end;
  /** True when it was written as {@code \\u} escapes. */
  boolean escaped;

  /**
   * Reads what starts at {@code json[at]}, not looking at or beyond {@code limit}. A lone escaped
   * surrogate is read as itself.
   *
   * @return true when it is a code point
   */
  boolean read(byte[] json, int at, int limit) {
    int b = json[at] & 0xFF;
    escaped = b == '\\';
    if (escaped) {
      return escape(json, at, limit);
    }
    int size = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (size == 0 || at + size > limit) {
      return none(Math.min(at + Math.max(size, 1), limit));
    }
    int value = size == 1 ? b : size == 2 ? b & 0x1F : size == 3 ? b & 0x0F : b & 0x07;
    for (int i = at + 1; i < at + size; i++) {
      value = value << 6 | (json[i] & 0x3F);
    }
    codePoint = value;
    end = at + size;
    return true;
  }

  private boolean escape(byte[] json, int at, int limit) {
    int unit = at + 6 <= limit && json[at + 1] == 'u' ? hex(json, at + 2) : -1;
    if (unit < 0) {
      return none(Math.min(at + 2, limit));
    }
    codePoint = unit;
    end = at + 6;
    if (Character.isHighSurrogate((char) unit) && at + 12 <= limit && json[at + 6] == '\\' && json[at + 7] == 'u') {
      int low = hex(json, at + 8);
      if (low >= 0 && Character.isLowSurrogate((char) low)) {
        codePoint = Character.toCodePoint((char) unit, (char) low);
        end = at + 12;
      }
    }
    return true;
  }

  private boolean none(int until) {
    codePoint = -1;
    end = until;
    return false;
  }

  /** Feeds each code point of {@code json[start, end)} to {@code sink}; escapes for punctuation go as a space. */
  static void forEach(byte[] json, int start, int end, JsonCodePoint reader, IntConsumer sink) {
    for (int i = start; i < end; i = reader.end) {
      sink.accept(reader.read(json, i, end) ? reader.codePoint : ' ');
    }
  }

  /** The four hex digits at {@code json[at]}, or -1. */
  private static int hex(byte[] json, int at) {
    int value = 0;
    for (int i = at; i < at + 4; i++) {
      int digit = Character.digit(json[i], 16);
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }
}
