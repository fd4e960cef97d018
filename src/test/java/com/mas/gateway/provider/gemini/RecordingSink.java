package com.mas.gateway.provider.gemini;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.provider.ClientSink;
import com.mas.gateway.testkit.ChatAssembler;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/** A {@link ClientSink} that keeps what a translator sent: event payloads, the end, the failure. */
final class RecordingSink implements ClientSink {

  private final List<String> payloads = new ArrayList<>();
  private boolean finished;
  private GatewayException failure;

  @Override
  public void writeToolCall(Buffer event, int index) {
    write(event, ChunkKind.TOOL_CALL);
  }

  @Override
  public void write(Buffer event, ChunkKind kind) {
    String text = event.toString();
    if (!text.startsWith("data: ") || !text.endsWith("\n\n") || text.indexOf("\n\n") != text.length() - 2) {
      throw new AssertionError("not one framed SSE data event: " + text);
    }
    if (finished || failure != null) {
      throw new AssertionError("written after the end: " + text);
    }
    payloads.add(text.substring("data: ".length(), text.length() - 2));
  }

  @Override
  public void finish() {
    if (finished || failure != null) {
      throw new AssertionError("ended twice");
    }
    finished = true;
  }

  @Override
  public void fail(GatewayException error) {
    if (finished || failure != null) {
      throw new AssertionError("ended twice");
    }
    failure = error;
  }

  List<String> payloads() {
    return payloads;
  }

  boolean finished() {
    return finished;
  }

  GatewayException failure() {
    return failure;
  }

  ChatAssembler assembled() {
    return ChatAssembler.ofEvents(payloads);
  }
}
