package com.mas.gateway.provider;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Reads a response body into memory up to a bound. Bytes past the bound are read and dropped so
 * the connection can be reused; {@link #truncated()} tells whether that happened.
 */
public final class BodyCollector {

  private final int limit;
  private final Buffer collected = Buffer.buffer();
  private boolean truncated;

  private final Runnable onChunk;

  private BodyCollector(int limit, Runnable onChunk) {
    this.limit = limit;
    this.onChunk = onChunk;
  }

  /** Completes with at most {@code limit} bytes of {@code body} once it ends; fails if it breaks. */
  public static Future<Buffer> collect(ReadStream<Buffer> body, int limit) {
    return collect(body, limit, () -> {});
  }

  /** As {@link #collect(ReadStream, int)}, calling {@code onChunk} for every chunk received. */
  public static Future<Buffer> collect(ReadStream<Buffer> body, int limit, Runnable onChunk) {
    return new BodyCollector(limit, onChunk).run(body);
  }

  public boolean truncated() {
    return truncated;
  }

  private Future<Buffer> run(ReadStream<Buffer> body) {
    Promise<Buffer> promise = Promise.promise();
    body.handler(this::append);
    body.exceptionHandler(promise::tryFail);
    body.endHandler(v -> promise.tryComplete(collected));
    body.resume();
    return promise.future();
  }

  private void append(Buffer chunk) {
    onChunk.run();
    int room = limit - collected.length();
    if (chunk.length() <= room) {
      collected.appendBuffer(chunk);
    } else {
      truncated = true;
      if (room > 0) {
        collected.appendBuffer(chunk, 0, room);
      }
    }
  }
}
