package com.mas.gateway.provider;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

/**
 * Frames an upstream SSE body into {@link SseEvent}s (WHATWG HTML, "Server-sent events",
 * event stream interpretation). Lines end in LF or CRLF, whatever byte boundaries the chunks
 * have; comment lines ({@code : keep-alive}) are counted but not delivered; an event is
 * delivered at the blank line that ends it.
 *
 * <p>Lines are cut out of each chunk as slices, without copying, so a chunk must not change
 * after it is handed in (Vert.x hands in every chunk as a buffer of its own); only the start of a
 * line that a chunk leaves open is copied, to be joined with the next. Memory is bounded: a line
 * or an event longer than {@code maxEventBytes} fails the framer with
 * {@link EventTooLargeException}. It does no flow control of its own: the owner pauses the
 * upstream, and at most the events of the chunk already received are delivered after that.
 */
public final class SseFramer implements Handler<Buffer> {

  private static final byte[] DATA = {'d', 'a', 't', 'a'};
  private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};

  private final int maxEventBytes;
  private final Handler<SseEvent> events;
  private String eventName;
  private Buffer data;
  /** The start of a line the chunks so far have not ended, or null. */
  private Buffer partial;
  private int comments;

  public SseFramer(int maxEventBytes, Handler<SseEvent> events) {
    this.maxEventBytes = maxEventBytes;
    this.events = events;
  }

  @Override
  public void handle(Buffer chunk) {
    int start = 0;
    int end = chunk.length();
    for (int i = 0; i < end; i++) {
      if (chunk.getByte(i) == '\n') {
        onLine(line(chunk, start, i));
        start = i + 1;
      }
    }
    if (start < end) {
      keepOpenLine(chunk, start, end);
    }
  }

  /** Comment lines seen so far (DeepSeek sends {@code : keep-alive} while queued). */
  public int comments() {
    return comments;
  }

  /** The line that ends at {@code end}: a slice of the chunk, or the open line joined with it. */
  private Buffer line(Buffer chunk, int start, int end) {
    if (partial == null) {
      return chunk.slice(start, end);
    }
    keepOpenLine(chunk, start, end);
    Buffer line = partial;
    partial = null;
    return line;
  }

  private void keepOpenLine(Buffer chunk, int start, int end) {
    if (partial == null) {
      partial = Buffer.buffer(end - start);
    }
    if (partial.length() + end - start > maxEventBytes) {
      partial = null;
      throw new EventTooLargeException(maxEventBytes);
    }
    partial.appendBuffer(chunk, start, end - start);
  }

  private void onLine(Buffer raw) {
    int length = raw.length();
    if (length > maxEventBytes) {
      throw new EventTooLargeException(maxEventBytes);
    }
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
