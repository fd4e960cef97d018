package com.mas.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorCommandTest {

  @Test
  void reads_every_option_after_the_verb() {
    SimulatorOptions options = SimulatorCommand.options(new String[] {"simulate",
        "--port", "9100", "--host", "0.0.0.0", "--api-key", "k1", "--ttft-ms", "250",
        "--tps", "40.5", "--tokens", "99", "--language", "zh-Hant"});

    assertThat(options).isEqualTo(new SimulatorOptions("0.0.0.0", 9100, "k1",
        Duration.ofMillis(250), 40.5, 99, AnswerLanguage.TRADITIONAL_CHINESE));
  }

  @Test
  void accepts_name_equals_value_and_defaults_to_port_8090() {
    SimulatorOptions options = SimulatorCommand.options(new String[] {"--tokens=7"});

    assertThat(options.port()).isEqualTo(SimulatorCommand.DEFAULT_PORT).isEqualTo(8090);
    assertThat(options.answerTokens()).isEqualTo(7);
    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.requiresKey()).isFalse();
  }

  @Test
  void names_the_option_it_cannot_read() {
    assertThatThrownBy(() -> SimulatorCommand.options(new String[] {"--tps", "fast"}))
        .hasMessageContaining("--tps");
    assertThatThrownBy(() -> SimulatorCommand.options(new String[] {"--colour", "red"}))
        .hasMessageContaining("--colour");
    assertThatThrownBy(() -> SimulatorCommand.options(new String[] {"--port"}))
        .hasMessageContaining("--port");
  }

  @Test
  void run_returns_2_for_bad_options_and_0_for_help_without_blocking() {
    assertThat(SimulatorCommand.run(new String[] {"--tokens", "0"})).isEqualTo(2);
    assertThat(SimulatorCommand.run(new String[] {"simulate", "--help"})).isZero();
  }

  @Test
  void run_returns_1_when_the_port_is_taken() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(taken.getLocalPort());

      assertThat(SimulatorCommand.run(new String[] {"--port", port})).isEqualTo(1);
    }
  }

  @Test
  void options_never_print_the_key() {
    assertThat(SimulatorOptions.defaults().withApiKey("sk-top-secret").toString())
        .doesNotContain("sk-top-secret");
  }
}
