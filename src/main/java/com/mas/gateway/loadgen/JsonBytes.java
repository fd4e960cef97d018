package com.mas.gateway.loadgen;

import java.nio.charset.StandardCharsets;

/**
 * Cheap byte-level probes into JSON text, used instead of parsing every event of every stream
 * under load. They match the compact encoding OpenAI-compatible servers emit and tolerate
 * blanks after a colon; they are not a JSON parser.
 */
final class JsonBytes {
  private static final byte[] COMPLETION_TOKENS = ascii("\"completion_tokens\":");

  private JsonBytes() {}

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether {@code bytes[at..to)} starts with {@code needle}. */
  static boolean startsWith(byte[] bytes, int at, int to, byte[] needle) {
    if (at < 0 || to - at < needle.length) {
      return false;
    }
    for (int i = 0; i < needle.length; i++) {
      if (bytes[at + i] != needle[i]) {
        return false;
      }
    }
    return true;
  }

  /** First index of {@code needle} in {@code bytes[from..to)}, or {@code -1}. */
  static int indexOf(byte[] bytes, int from, int to, byte[] needle) {
    int last = to - needle.length;
    for (int i = from; i <= last; i++) {
      if (bytes[i] == needle[0] && startsWith(bytes, i, to, needle)) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the first byte at or after {@code from} that is not a JSON blank, or {@code to}. */
  static int skipBlanks(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
      i++;
    }
    return i;
  }

  /** The non-negative integer starting at {@code from} (after blanks), or {@code -1}. */
  static long readLong(byte[] bytes, int from, int to) {
    int i = skipBlanks(bytes, from, to);
    long value = -1;
    while (i < to && bytes[i] >= '0' && bytes[i] <= '9' && value < Long.MAX_VALUE / 10) {
      value = Math.max(value, 0) * 10 + (bytes[i] - '0');
      i++;
    }
    return value;
  }

  /** The {@code usage.completion_tokens} value found in {@code bytes[from..to)}, or {@code -1}. */
  static long completionTokens(byte[] bytes, int from, int to) {
    int at = indexOf(bytes, from, to, COMPLETION_TOKENS);
    return at < 0 ? -1 : readLong(bytes, at + COMPLETION_TOKENS.length, to);
  }
}
