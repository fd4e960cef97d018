package com.mas.gateway.provider.openai;

import com.mas.gateway.provider.ChunkKind;
import java.util.Arrays;

/**
 * A light, allocation-free scan of one OpenAI chunk's JSON, in a single pass over its bytes. It
 * checks the structure (balanced objects and arrays, closed strings, no control characters in
 * strings, no byte that UTF-8 never uses, nothing after the root object), so a truncated or
 * garbled event is caught, and it finds the top-level {@code usage} and {@code error} objects
 * and whether {@code choices} is empty. In the same pass it notes what a choice carries: a
 * non-null {@code finish_reason}, and in its {@code delta} non-empty {@code content},
 * {@code reasoning_content} or {@code refusal} text, or {@code tool_calls}; that gives the
 * event's {@link ChunkKind}. Literals and numbers are not checked: the upstream is trusted to
 * write them, and the client's own parser will see them as they came.
 *
 * <p>Only events that carry {@code usage}, {@code error} or tool calls are parsed further, by
 * the caller.
 */
record ChunkScan(boolean malformed, int usageStart, int usageEnd, boolean hasError, boolean emptyChoices,
    boolean content, boolean toolCalls, boolean finish) {

  private static final ChunkScan MALFORMED = new ChunkScan(true, -1, -1, false, false, false, false, false);
  private static final int MAX_DEPTH = 64;
  /** Depths of the members the scan watches: the root's, a choice's and a delta's. */
  private static final int ROOT = 1;
  private static final int CHOICE = 3;
  private static final int DELTA = 4;
  private static final byte[] USAGE = {'u', 's', 'a', 'g', 'e'};
  private static final byte[] ERROR = {'e', 'r', 'r', 'o', 'r'};
  private static final byte[] CHOICES = {'c', 'h', 'o', 'i', 'c', 'e', 's'};
  private static final byte[] FINISH_REASON = ascii("finish_reason");
  private static final byte[] CONTENT = {'c', 'o', 'n', 't', 'e', 'n', 't'};
  private static final byte[] REASONING = ascii("reasoning_content");
  private static final byte[] REFUSAL = {'r', 'e', 'f', 'u', 's', 'a', 'l'};
  private static final byte[] TOOL_CALLS = ascii("tool_calls");
  private static final byte[][] WATCHED_ROOT = {USAGE, ERROR, CHOICES};
  private static final byte[][] WATCHED_CHOICE = {FINISH_REASON};
  private static final byte[][] WATCHED_DELTA = {CONTENT, TOOL_CALLS, REASONING, REFUSAL};

  /** True when the chunk has a top-level {@code usage} object, at {@code [usageStart, usageEnd)}. */
  boolean hasUsage() {
    return usageStart >= 0;
  }

  /**
   * What the event carries for the relay. Several at once rank: an error, tool calls, content,
   * usage, the finish reason; nothing of these is an opening event.
   */
  ChunkKind kind() {
    if (hasError) {
      return ChunkKind.ERROR;
    }
    if (toolCalls) {
      return ChunkKind.TOOL_CALL;
    }
    if (content) {
      return ChunkKind.CONTENT;
    }
    if (hasUsage()) {
      return ChunkKind.USAGE;
    }
    return finish ? ChunkKind.FINISH : ChunkKind.OPENING;
  }

  static ChunkScan of(byte[] json) {
    Scanner scanner = new Scanner(json);
    return scanner.run() ? scanner.result() : MALFORMED;
  }

  private static byte[] ascii(String key) {
    return key.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** The single pass; one per event, short-lived. */
  private static final class Scanner {
    private final byte[] json;
    private int pos;
    private int usageStart = -1;
    private int usageEnd = -1;
    private boolean error;
    private boolean emptyChoices;
    private boolean content;
    private boolean toolCalls;
    private boolean finish;

    Scanner(byte[] json) {
      this.json = json;
    }

    ChunkScan result() {
      return new ChunkScan(false, usageStart, usageEnd, error, emptyChoices, content, toolCalls, finish);
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
      return value(depth, watchedKey(depth, keyStart, keyEnd));
    }

    private boolean value(int depth, byte[] key) {
      if (pos >= json.length) {
        return false;
      }
      int start = pos;
      byte first = json[pos];
      boolean ok = first == '"' ? string() : (first == '{' || first == '[') ? container(depth + 1) : scalar();
      if (ok && key != null) {
        note(key, start, first);
      }
      return ok;
    }

    /** Records a watched member's value, which starts at {@code start} with {@code first}. */
    private void note(byte[] key, int start, byte first) {
      if (key == USAGE && first == '{') {
        usageStart = start;
        usageEnd = pos;
      } else if (key == ERROR) {
        error |= first == '{';
      } else if (key == CHOICES) {
        emptyChoices = first == '[' && isEmptyArray(start);
      } else if (key == FINISH_REASON) {
        finish |= first != 'n';
      } else if (key == TOOL_CALLS) {
        toolCalls |= first == '[' && !isEmptyArray(start);
      } else if (key != USAGE) {
        content |= first == '"' && pos - start > 2; // text of at least one character
      }
    }

    private boolean isEmptyArray(int start) {
      int i = start + 1;
      while (i < pos && isSpace(json[i])) {
        i++;
      }
      return json[i] == ']';
    }

    /** The key constant when {@code json[start, end)} at {@code depth} is one the gateway acts on, else null. */
    private byte[] watchedKey(int depth, int start, int end) {
      byte[][] watched = depth == ROOT ? WATCHED_ROOT : depth == CHOICE ? WATCHED_CHOICE : depth == DELTA
          ? WATCHED_DELTA : null;
      if (watched == null) {
        return null;
      }
      int length = end - start;
      for (byte[] key : watched) {
        if (key.length == length && Arrays.equals(json, start, end, key, 0, length)) {
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
