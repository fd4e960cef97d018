package com.mas.gateway.provider.openai;

import java.util.Arrays;

/**
 * A light, allocation-free scan of one OpenAI chunk's JSON, in a single pass over its bytes. It
 * checks the structure (balanced objects and arrays, closed strings, no control characters in
 * strings, no byte that UTF-8 never uses, nothing after the root object), so a truncated or
 * garbled event is caught, and it finds the top-level {@code usage} and {@code error} objects
 * and whether {@code choices} is empty. Literals and numbers are not checked: the upstream is
 * trusted to write them, and the client's own parser will see them as they came.
 *
 * <p>Only events that carry {@code usage} or {@code error} are parsed further, by the caller.
 */
record ChunkScan(boolean malformed, int usageStart, int usageEnd, boolean hasError, boolean emptyChoices) {

  private static final ChunkScan MALFORMED = new ChunkScan(true, -1, -1, false, false);
  private static final int MAX_DEPTH = 64;
  private static final byte[] USAGE = {'u', 's', 'a', 'g', 'e'};
  private static final byte[] ERROR = {'e', 'r', 'r', 'o', 'r'};
  private static final byte[] CHOICES = {'c', 'h', 'o', 'i', 'c', 'e', 's'};
  private static final byte[][] WATCHED = {USAGE, ERROR, CHOICES};

  /** True when the chunk has a top-level {@code usage} object, at {@code [usageStart, usageEnd)}. */
  boolean hasUsage() {
    return usageStart >= 0;
  }

  static ChunkScan of(byte[] json) {
    Scanner scanner = new Scanner(json);
    return scanner.run() ? scanner.result() : MALFORMED;
  }

  /** The single pass; one per event, short-lived. */
  private static final class Scanner {
    private final byte[] json;
    private int pos;
    private int usageStart = -1;
    private int usageEnd = -1;
    private boolean error;
    private boolean emptyChoices;

    Scanner(byte[] json) {
      this.json = json;
    }

    ChunkScan result() {
      return new ChunkScan(false, usageStart, usageEnd, error, emptyChoices);
    }

    boolean run() {
      skipSpace();
      if (pos >= json.length || json[pos] != '{') {
        return false;
      }
      if (!container(1)) {
        return false;
      }
      skipSpace();
      return pos == json.length;
    }

    /** Scans the object or array at {@code pos} (depth {@code depth}); leaves pos after it. */
    private boolean container(int depth) {
      if (depth > MAX_DEPTH) {
        return false;
      }
      boolean array = json[pos] == '[';
      pos++;
      skipSpace();
      if (pos < json.length && json[pos] == (array ? ']' : '}')) {
        pos++;
        return true;
      }
      while (pos < json.length) {
        if (!(array ? value(depth, null) : member(depth))) {
          return false;
        }
        skipSpace();
        if (pos >= json.length) {
          return false;
        }
        byte next = json[pos++];
        if (next == (array ? ']' : '}')) {
          return true;
        }
        if (next != ',') {
          return false;
        }
        skipSpace();
      }
      return false;
    }

    private boolean member(int depth) {
      if (pos >= json.length || json[pos] != '"') {
        return false;
      }
      int keyStart = pos + 1;
      if (!string()) {
        return false;
      }
      int keyEnd = pos - 1;
      skipSpace();
      if (pos >= json.length || json[pos++] != ':') {
        return false;
      }
      skipSpace();
      byte[] key = depth == 1 ? watchedKey(keyStart, keyEnd) : null;
      return value(depth, key);
    }

    private boolean value(int depth, byte[] topKey) {
      if (pos >= json.length) {
        return false;
      }
      int start = pos;
      byte first = json[pos];
      boolean ok = first == '"' ? string() : (first == '{' || first == '[') ? container(depth + 1) : scalar();
      if (ok && topKey != null) {
        noteTopLevel(topKey, start, first);
      }
      return ok;
    }

    private void noteTopLevel(byte[] key, int start, byte first) {
      if (first == '{' && key == USAGE) {
        usageStart = start;
        usageEnd = pos;
      } else if (first == '{' && key == ERROR) {
        error = true;
      } else if (first == '[' && key == CHOICES) {
        emptyChoices = isEmptyArray(start);
      }
    }

    private boolean isEmptyArray(int start) {
      int i = start + 1;
      while (i < pos && isSpace(json[i])) {
        i++;
      }
      return json[i] == ']';
    }

    /** The key constant when {@code json[start, end)} is one the gateway acts on, else null. */
    private byte[] watchedKey(int start, int end) {
      for (byte[] key : WATCHED) {
        if (Arrays.equals(json, start, end, key, 0, key.length)) {
          return key;
        }
      }
      return null;
    }

    private boolean string() {
      pos++; // opening quote
      while (pos < json.length) {
        int b = json[pos++] & 0xff;
        if (b == '"') {
          return true;
        }
        if (b == '\\') {
          pos++;
        } else if (b < 0x20 || b >= 0xf5 || b == 0xc0 || b == 0xc1) {
          return false; // control character, or a byte UTF-8 never uses
        }
      }
      return false;
    }

    private boolean scalar() {
      int start = pos;
      while (pos < json.length) {
        byte b = json[pos];
        if (b == ',' || b == '}' || b == ']' || isSpace(b)) {
          break;
        }
        if (b == '{' || b == '[' || b == '"' || b == ':' || (b & 0xff) >= 0x80) {
          return false;
        }
        pos++;
      }
      return pos > start;
    }

    private void skipSpace() {
      while (pos < json.length && isSpace(json[pos])) {
        pos++;
      }
    }

    private static boolean isSpace(byte b) {
      return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
  }
}
