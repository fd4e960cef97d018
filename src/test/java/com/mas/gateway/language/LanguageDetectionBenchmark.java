package com.mas.gateway.language;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * Detecting the language of a request whose user turn is 2,048 chars long (about 2 KB of
 * English, 6 KB of Chinese in UTF-8), as the language stage does on every request. Sampled, so
 * JMH reports percentiles (target: p99 at most 20 µs on one core).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LanguageDetectionBenchmark {

  private static final int CHARS = 2048;
  private static final String TRADITIONAL = "你好，請問這款精華適合油性肌膚嗎？我最近常常熬夜，黑眼圈很嚴重，想找一款效果明顯的眼霜。"
      + "SK-II 神仙水和蘭蔻小黑瓶哪個比較適合乾肌？😍 ";
  private static final String SIMPLIFIED = "你好，请问这款精华适合油性皮肤吗？我最近常常熬夜，黑眼圈很严重，想找一款效果明显的眼霜。"
      + "SK-II 神仙水和兰蔻小黑瓶哪个比较适合干皮？😍 ";
  private static final String ENGLISH = "Hi, is this serum suitable for oily skin? I have been staying up late and my "
      + "dark circles are bad, so I would like an eye cream that works. Is SK-II better than Lancôme? ";

  @Param({"zh-Hant", "zh-Hans", "en"})
  public String language;

  private Languages languages;
  private ObjectNode request;

  @Setup
  public void setUp() {
    languages = Languages.shared();
    String unit = switch (language) {
      case "zh-Hant" -> TRADITIONAL;
      case "zh-Hans" -> SIMPLIFIED;
      default -> ENGLISH;
    };
    String text = unit.repeat(CHARS / unit.length() + 1).substring(0, CHARS);
    request = new ObjectMapper().createObjectNode().put("model", "deepseek-chat");
    request.putArray("messages").addObject().put("role", "user").put("content", text);
    if (!languages.detect(request).equals(language)) {
      throw new IllegalStateException("the benchmark text is not detected as " + language);
    }
  }

  @Benchmark
  public String detect() {
    return languages.detect(request);
  }
}
