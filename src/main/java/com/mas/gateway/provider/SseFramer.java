package com.mas.gateway.provider;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.parsetools.RecordParser;

/**
 * Frames an upstream SSE body into {@link SseEvent}s (WHATWG HTML, "Server-sent events",
 * event stream interpretation). Lines end in LF or CRLF, whatever byte boundaries the chunks
 * have; comment lines ({@code : keep-alive}) are counted but not delivered; an event is
 * delivered at the blank line that ends it.
 *
 * <p>Memory is bounded: a line or an event longer than {@code maxEventBytes} fails the framer
 * with {@link EventTooLargeException}. It does no flow control of its own: the owner pauses the
 * upstream, and at most the events of the chunk already received are delivered after that.
 */
public final class SseFramer implements Handler<Buffer> {

  private static final byte[] DATA = {'d', 'a', 't', 'a'};
  private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};

  private final RecordParser lines;
  private final int maxEventBytes;
  private final Handler<SseEvent> events;
  private String eventName;
  private Buffer data;
  private int comments;

  public SseFramer(int maxEventBytes, Handler<SseEvent> events) {
    this.maxEventBytes = maxEventBytes;
    this.events = events;
    this.lines = RecordParser.newDelimited("\n", this::onLine);
    this.lines.maxRecordSize(maxEventBytes);
  }

  @Override
  public void handle(Buffer chunk) {
    lines.handle(chunk);
  }

  /** Comment lines seen so far (DeepSeek sends {@code : keep-alive} while queued). */
  public int comments() {
    return comments;
  }

  private void onLine(Buffer raw) {
    int length = raw.length();
    if (length > 0 && raw.getByte(length - 1) == '\r') {
      length--;
    }
    if (length == 0) {
      dispatch();
    } else if (raw.getByte(0) == ':') {
      comments++;
    } else {
      onField(raw, length);
    }
  }

  private void onField(Buffer raw, int length) {
    int colon = indexOfColon(raw, length);
    int nameEnd = colon < 0 ? length : colon;
    int valueStart = colon < 0 ? length : colon + 1;
    if (valueStart < length && raw.getByte(valueStart) == ' ') {
      valueStart++;
    }
    if (isField(raw, nameEnd, DATA)) {
      // Each line is a fresh buffer from the record parser, so a slice of it is safe to keep.
      appendData(raw.slice(valueStart, length));
    } else if (isField(raw, nameEnd, EVENT)) {
      eventName = raw.getString(valueStart, length);
    }
    // id and retry are not used by any provider stream; ignored as the spec allows.
  }

  private static boolean isField(Buffer raw, int nameEnd, byte[] name) {
    if (nameEnd != name.length) {
      return false;
    }
    for (int i = 0; i < nameEnd; i++) {
      if (raw.getByte(i) != name[i]) {
        return false;
      }
    }
    return true;
  }

  private void appendData(Buffer value) {
    if (data == null) {
      data = value;
    } else {
      data = Buffer.buffer(data.length() + 1 + value.length()).appendBuffer(data).appendByte((byte) '\n')
          .appendBuffer(value);
    }
    if (data.length() > maxEventBytes) {
      throw new EventTooLargeException(maxEventBytes);
    }
  }

  private void dispatch() {
    if (data != null) {
      SseEvent event = new SseEvent(eventName, data);
      data = null;
      eventName = null;
      events.handle(event);
    } else {
      eventName = null;
    }
  }

  private static int indexOfColon(Buffer raw, int length) {
    for (int i = 0; i < length; i++) {
      if (raw.getByte(i) == ':') {
        return i;
      }
    }
    return -1;
  }

  /** An upstream event larger than the configured bound. */
  public static final class EventTooLargeException extends RuntimeException {
    EventTooLargeException(int limit) {
      super("upstream SSE event larger than " + limit + " bytes", null, false, false);
    }
  }
}
