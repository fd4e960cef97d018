package com.mas.gateway.language;

import com.mas.gateway.provider.ChunkKind;
import com.mas.gateway.provider.ClientSink;
import com.mas.gateway.testkit.BlackholeSink;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What converting the script adds per streamed event: one {@code chat.completion.chunk} (the
 * shape {@code PassThroughBenchmark} forwards, with a DeepSeek-sized Chinese delta) written to a
 * converting sink for a Traditional reader. {@code simplified} is converted; {@code traditional}
 * is scanned and passed on as it was; {@code english} takes the fast path (no ideograph bytes).
 * Compare with {@code PassThroughBenchmark.contentEvent}, the whole per-event cost of the
 * OpenAI path, and with the relay's per-event CPU in the README.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScriptConversionBenchmark {

  @Param({"simplified", "traditional", "english"})
  public String delta;

  private ClientSink sink;
  private Buffer event;

  @Setup
  public void setUp(Blackhole blackhole) {
    sink = Languages.shared().fidelity("zh-Hant").wrap(new BlackholeSink(blackhole));
    String content = switch (delta) {
      case "simplified" -> "这款精华";
      case "traditional" -> "這款精華";
      default -> " today";
    };
    event = Buffer.buffer("data: {\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":"
        + "\"chat.completion.chunk\",\"created\":1741569952,\"model\":\"deepseek-chat\","
        + "\"system_fingerprint\":\"fp_b376dfbbd5\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"content\":\"" + content + "\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
  }

  @Benchmark
  public void contentEvent() {
    sink.write(event, ChunkKind.CONTENT);
  }
}
