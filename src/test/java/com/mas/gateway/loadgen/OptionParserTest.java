package com.mas.gateway.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionParserTest {

  @Test
  void parses_every_option() {
    LoadgenOptions options = OptionParser.parse(new String[] {
        "--url", "http://127.0.0.1:18080/v1/", "--key", "loadtest-key", "--model", "openai/sim-gpt",
        "--concurrency", "50", "--rate", "500", "--duration=90s", "--warmup", "500ms", "--grace", "2m",
        "--stream", "false", "--max-tokens", "64", "--header", "x-sim-tps: 50",
        "--header", "x-trace:a:b", "--label", "gateway", "--json"});

    assertThat(options.endpoint()).isEqualTo("http://127.0.0.1:18080/v1/chat/completions");
    assertThat(options.key()).isEqualTo("loadtest-key");
    assertThat(options.model()).isEqualTo("openai/sim-gpt");
    assertThat(options.concurrency()).isEqualTo(50);
    assertThat(options.rate()).isEqualTo(500);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.grace()).isEqualTo(Duration.ofMinutes(2));
    assertThat(options.stream()).isFalse();
    assertThat(options.maxTokens()).isEqualTo(64);
    assertThat(options.headers()).containsExactly(
        new LoadgenOptions.Header("x-sim-tps", "50"), new LoadgenOptions.Header("x-trace", "a:b"));
    assertThat(options.label()).isEqualTo("gateway");
    assertThat(options.json()).isTrue();
    assertThat(options.maxRunTime()).isEqualTo(Duration.ofMillis(90_000 + 500 + 120_000));
  }

  @Test
  void applies_defaults() {
    LoadgenOptions options = OptionParser.parse(new String[] {"--model", "sim-gpt"});

    assertThat(options.endpoint()).isEqualTo("http://127.0.0.1:8080/v1/chat/completions");
    assertThat(options.key()).isNull();
    assertThat(options.concurrency()).isEqualTo(200);
    assertThat(options.rate()).isZero();
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.grace()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.stream()).isTrue();
    assertThat(options.maxTokens()).isZero();
    assertThat(options.headers()).isEmpty();
    assertThat(options.json()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--concurrency|abc|--concurrency must be an integer from 1 to 10000, got 'abc'",
      "--concurrency|0|--concurrency must be an integer from 1 to 10000, got '0'",
      "--max-tokens|-3|--max-tokens must be an integer from 1 to 1000000, got '-3'",
      "--duration|20x|--duration must be a duration like 20s, 500ms or 2m, got '20x'",
      "--duration|0s|--duration must be more than 0",
      "--warmup|25h|--warmup must be at most 24h, got '25h'",
      "--stream|yes|--stream must be true or false, got 'yes'",
      "--url|ftp://127.0.0.1/v1|--url must be an http(s) base URL like http://127.0.0.1:8080/v1, got 'ftp://127.0.0.1/v1'",
      "--url|127.0.0.1:8080|--url must be an http(s) base URL like http://127.0.0.1:8080/v1, got '127.0.0.1:8080'",
      "--header|novalue|--header must look like name:value (e.g. x-sim-tps:50), got 'novalue'",
      "--header|bad name:1|--header must look like name:value (e.g. x-sim-tps:50), got 'bad name:1'",
      "--label|' '|--label must not be empty",
      "--rate|-1|--rate must be an integer from 0 to 1000000, got '-1'",
  })
  void rejects_bad_values_naming_the_option(String option, String value, String message) {
    assertThatThrownBy(() -> OptionParser.parse(new String[] {"--model", "m", option, value}))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessage(message);
  }

  @Test
  void rejects_unknown_options_missing_values_and_a_missing_model() {
    assertThatThrownBy(() -> OptionParser.parse(new String[] {"--model", "m", "--pace", "5"}))
        .hasMessage("unknown option '--pace'");
    assertThatThrownBy(() -> OptionParser.parse(new String[] {"--model", "m", "--duration"}))
        .hasMessage("--duration needs a value");
    assertThatThrownBy(() -> OptionParser.parse(new String[] {"--model", "m", "stray"}))
        .hasMessage("unexpected argument 'stray'");
    assertThatThrownBy(() -> OptionParser.parse(new String[] {"--model", "m", "--json=yes"}))
        .hasMessage("--json takes no value");
    assertThatThrownBy(() -> OptionParser.parse(new String[] {"--concurrency", "4"}))
        .hasMessage("--model is required (e.g. --model openai/sim-gpt)");
  }

  @Test
  void command_exits_with_2_and_a_clear_message_on_bad_options() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = LoadgenCommand.run(new String[] {"--model", "m", "--concurrency", "lots"},
        print(out), print(err));

    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "loadgen: --concurrency must be an integer from 1 to 10000, got 'lots'\n"
            + "Run 'loadgen --help' for the options.\n");
  }

  @Test
  void command_prints_usage_and_exits_0_on_help() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code = LoadgenCommand.run(new String[] {"--help"}, print(out), print(new ByteArrayOutputStream()));

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Usage: loadgen --model MODEL [options]")
        .contains("--concurrency N", "--header K:V", "--json");
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
