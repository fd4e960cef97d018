package com.mas.gateway.testkit;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.provider.ClientSink;
import io.vertx.core.buffer.Buffer;
import org.openjdk.jmh.infra.Blackhole;

/** A client sink for benchmarks: what the client would receive goes to the blackhole. */
public final class BlackholeSink implements ClientSink {

  private final Blackhole blackhole;

  public BlackholeSink(Blackhole blackhole) {
    this.blackhole = blackhole;
  }

  @Override
  public void write(Buffer event, ChunkKind kind) {
    blackhole.consume(event);
    blackhole.consume(kind);
  }

  @Override
  public void writeToolCall(Buffer event, int index) {
    blackhole.consume(event);
    blackhole.consume(index);
  }

  @Override
  public void finish() {}

  /** A benchmark whose stream fails measures the wrong thing; say so at once. */
  @Override
  public void fail(GatewayException error) {
    throw error;
  }
}
