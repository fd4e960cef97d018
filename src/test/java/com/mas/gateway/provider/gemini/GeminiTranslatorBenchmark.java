package com.mas.gateway.provider.gemini;

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
 * Gemini → OpenAI translation cost per streamed event: a text chunk with its running usage
 * metadata, as in conformance/gemini/stream_text.sse (firebase-data recording), and a
 * function-call chunk as in stream_function_call.sse.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeminiTranslatorBenchmark {

  private static final String TEXT = "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \" capital of Wyoming\"}],"
      + "\"role\": \"model\"}}],\"usageMetadata\": {\"promptTokenCount\": 7,\"totalTokenCount\": 7,"
      + "\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": 7}]},\"modelVersion\": \"gemini-2.0-flash\"}";
  private static final String CALL = "{\"candidates\": [{\"content\": {\"parts\": [{\"functionCall\": {\"name\": "
      + "\"get_weather\",\"args\": {\"location\": \"San Francisco, CA\",\"unit\": \"celsius\"}}}],\"role\": \"model\"}}],"
      + "\"usageMetadata\": {\"promptTokenCount\": 30,\"totalTokenCount\": 30},\"modelVersion\": \"gemini-2.0-flash\"}";

  private GeminiStreamTranslator translator;
  private SseEvent text;
  private SseEvent call;
  private BlackholeSink sink;

  @Setup
  public void setUp(Blackhole blackhole) {
    sink = new BlackholeSink(blackhole);
    translator = new GeminiStreamTranslator("chatcmpl-1", "gemini-2.0-flash", 1_700_000_000L, false, false,
        new GeminiErrors("gemini", "secret"), "call_bench_");
    text = new SseEvent(null, Buffer.buffer(TEXT));
    call = new SseEvent(null, Buffer.buffer(CALL));
  }

  @Benchmark
  public void textChunk() {
    translator.onEvent(text, sink);
  }

  @Benchmark
  public void functionCallChunk() {
    translator.onEvent(call, sink);
  }
}
