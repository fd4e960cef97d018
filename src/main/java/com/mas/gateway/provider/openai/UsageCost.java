package com.mas.gateway.provider.openai;

import com.mas.gateway.chat.CostQuote;
import com.mas.gateway.provider.ChunkEncoder;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Adds {@code "cost_usd":<USD>} to the top-level {@code usage} object of an event that
 * {@link ChunkScan} has checked and delimited, by copying the bytes around the insertion point:
 * the usage object's closing brace. Nothing else in the event changes.
 */
final class UsageCost {

  private UsageCost() {}

  /**
   * @param json the event's JSON
   * @param usageEnd the offset just after the usage object's closing brace
   * @param costMicros the cost, zero or more
   */
  static Buffer splice(Buffer json, int usageEnd, long costMicros) {
    int brace = usageEnd - 1;
    boolean empty = json.getByte(lastNonSpaceBefore(json, brace)) == '{';
    byte[] field = ((empty ? "" : ",") + "\"" + ChunkEncoder.COST_FIELD + "\":" + CostQuote.usd(costMicros))
        .getBytes(StandardCharsets.US_ASCII);
    return Buffer.buffer(json.length() + field.length)
        .appendBuffer(json, 0, brace)
        .appendBytes(field)
        .appendBuffer(json, brace, json.length() - brace);
  }

  private static int lastNonSpaceBefore(Buffer json, int end) {
    int i = end - 1;
    while (i > 0 && isSpace(json.getByte(i))) {
      i--;
    }
    return i;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
