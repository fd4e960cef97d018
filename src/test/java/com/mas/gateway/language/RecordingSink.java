package com.mas.gateway.language;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.provider.ClientSink;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/** A client sink that keeps what it is given, in order. */
final class RecordingSink implements ClientSink {

  final List<Buffer> events = new ArrayList<>();
  boolean finished;
  GatewayException failure;

  @Override
  public void write(Buffer event, ChunkKind kind) {
    events.add(event);
  }

  @Override
  public void writeToolCall(Buffer event, int index) {
    events.add(event);
  }

  @Override
  public void finish() {
    finished = true;
  }

  @Override
  public void fail(GatewayException error) {
    failure = error;
  }
}
