package com.mas.gateway.provider.anthropic;

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
 * Anthropic → OpenAI translation cost per streamed event, in the steady state of an answer: a
 * {@code text_delta} inside an open text block, and an {@code input_json_delta} inside an open
 * tool block (payloads as in conformance/anthropic/stream_text.sse and stream_tool_use.sse).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnthropicTranslatorBenchmark {

  private static final String START = "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY\","
      + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5\",\"stop_reason\":null,"
      + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}";

  private AnthropicTranslator text;
  private AnthropicTranslator tool;
  private SseEvent textDelta;
  private SseEvent jsonDelta;
  private BlackholeSink sink;

  @Setup
  public void setUp(Blackhole blackhole) {
    sink = new BlackholeSink(blackhole);
    text = open("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
    tool = open("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\","
        + "\"id\":\"toolu_01T1x1fJ34qAmk2tNTrN7Up6\",\"name\":\"get_weather\",\"input\":{}}}");
    textDelta = event("content_block_delta",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" today\"}}");
    jsonDelta = event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"location\\\": \\\"San Fra\"}}");
  }

  @Benchmark
  public void textDelta() {
    text.onEvent(textDelta, sink);
  }

  @Benchmark
  public void toolArgumentsDelta() {
    tool.onEvent(jsonDelta, sink);
  }

  private AnthropicTranslator open(String blockStart) {
    AnthropicTranslator translator = new AnthropicTranslator(new ObjectMapper(), AnswerShape.of(
        new ObjectMapper().createObjectNode()), false, new AnthropicErrors("anthropic", "secret"), "fallback", "model");
    translator.onEvent(event("message_start", START), sink);
    translator.onEvent(event("content_block_start", blockStart), sink);
    return translator;
  }

  private static SseEvent event(String name, String data) {
    return new SseEvent(name, Buffer.buffer(data));
  }
}
