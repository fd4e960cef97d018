package com.mas.gateway.provider.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mas.gateway.provider.SseEvent;
import com.mas.gateway.testkit.BlackholeSink;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost per streamed event of the OpenAI same-protocol path: scan one content chunk for
 * usage and errors and frame it for the client. The baseline for the translating providers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PassThroughBenchmark {

  private static final String CHUNK = "{\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":"
      + "\"chat.completion.chunk\",\"created\":1741569952,\"model\":\"gpt-4.1-2025-04-14\","
      + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_b376dfbbd5\",\"choices\":[{\"index\":0,"
      + "\"delta\":{\"content\":\" today\"},\"logprobs\":null,\"finish_reason\":null}]}";

  private PassThroughTranslator translator;
  private SseEvent event;
  private BlackholeSink sink;

  @Setup
  public void setUp(Blackhole blackhole) {
    translator = new PassThroughTranslator(new ObjectMapper(), true);
    event = new SseEvent(null, Buffer.buffer(CHUNK));
    sink = new BlackholeSink(blackhole);
  }

  @Benchmark
  public void contentEvent() {
    translator.onEvent(event, sink);
  }
}
