package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerValidationTest {

  @TempDir Path dir;
  YamlFixture yaml;

  @BeforeEach
  void setUp() {
    yaml = new YamlFixture(dir);
  }

  @Test
  void rejects_non_numeric_port_naming_the_field() {
    yaml.assertFails("server: {port: abc}\n", "server.port", "expected a number, got \"abc\"");
  }

  @Test
  void rejects_port_above_65535_naming_the_field() {
    yaml.assertFails(
        "server: {port: 70000}\n", "server.port", "must be between 0 and 65535, got 70000");
  }

  @Test
  void rejects_negative_management_port_naming_the_field() {
    yaml.assertFails(
        "server: {managementPort: -1}\n",
        "server.managementPort",
        "must be between 0 and 65535, got -1");
  }

  @Test
  void rejects_fractional_port() {
    yaml.assertFails(
        "server: {port: 80.5}\n",
        "server.port",
        "expected a whole number between 0 and 65535, got 80.5");
  }

  @Test
  void accepts_port_zero_as_ephemeral_for_both_ports() {
    ServerConfig server = yaml.load("server: {port: 0, managementPort: 0}\n").config().server();

    assertThat(server.port()).isZero();
    assertThat(server.managementPort()).isZero();
  }

  @Test
  void rejects_management_port_equal_to_port() {
    yaml.assertFails(
        "server: {port: 8000, managementPort: 8000}\n",
        "server.managementPort",
        "must differ from server.port, both are 8000");
  }

  @Test
  void rejects_size_with_decimal_unit_naming_the_field() {
    yaml.assertFails(
        "server: {maxBodySize: 4MB}\n",
        "server.maxBodySize",
        "expected a size like 4MiB, 512KiB or 1048576, got \"4MB\"");
  }

  @Test
  void rejects_zero_max_body_size() {
    yaml.assertFails(
        "server: {maxBodySize: 0}\n", "server.maxBodySize", "must be greater than zero, got 0");
  }

  @Test
  void rejects_max_event_size_that_does_not_fit_an_int() {
    yaml.assertFails(
        "server: {maxEventSize: 2GiB}\n",
        "server.maxEventSize",
        "must be at most 2147483647 bytes, got \"2GiB\"");
  }

  @Test
  void rejects_non_duration_shutdown_grace_naming_the_field() {
    yaml.assertFails(
        "server: {shutdownGrace: 30}\n",
        "server.shutdownGrace",
        "expected a duration like 30s, got 30");
  }

  @Test
  void rejects_blank_host() {
    yaml.assertFails("server: {host: \" \"}\n", "server.host", "must not be empty");
  }

  @Test
  void rejects_unknown_top_level_key_naming_it() {
    yaml.assertFails(
        "servr: {port: 8080}\n",
        "servr",
        "unknown key; expected one of server, providers, models, tenants, redis, pricing, routing");
  }

  @Test
  void rejects_unknown_server_key_naming_it() {
    yaml.assertFails(
        "server: {prot: 8080}\n",
        "server.prot",
        "unknown key; expected one of host, port, managementPort, maxBodySize, maxEventSize,"
            + " shutdownGrace, reloadInterval");
  }

  @Test
  void rejects_section_of_the_wrong_shape() {
    yaml.assertFails("server: [8080]\n", "server", "expected a mapping, got a list");
  }

  @Test
  void reports_yaml_syntax_errors_with_file_and_line() {
    Path file = yaml.write("server:\n  port: 8080\n port: [\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, YamlFixture.ENV))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": invalid YAML at line ");
  }

  @Test
  void rejects_duplicate_yaml_keys() {
    String twice = YamlFixture.OPENAI_PROVIDER + "  openai:\n    type: deepseek\n    apiKey: k\n";
    Path file = yaml.write(twice);

    assertThatThrownBy(() -> ConfigLoader.load(file, YamlFixture.ENV))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": invalid YAML")
        .hasMessageContaining("openai");
  }

  @Test
  void does_not_echo_the_offending_yaml_line_which_may_hold_a_secret() {
    Path file = yaml.write("providers:\n  openai:\n    apiKey: sk-secret: oops\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, YamlFixture.ENV))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": invalid YAML")
        .hasMessageNotContaining("sk-secret");
  }

  @Test
  void names_the_file_when_it_does_not_exist() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(missing, YamlFixture.ENV))
        .isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": config file not found");
  }

  @Test
  void rejects_an_empty_file() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing\n");

    assertThatThrownBy(() -> ConfigLoader.load(empty, YamlFixture.ENV))
        .isInstanceOf(ConfigException.class)
        .hasMessage(empty + ": config file is empty");
  }

  @Test
  void rejects_a_top_level_that_is_not_a_mapping() {
    Path file = yaml.write("- server\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, YamlFixture.ENV))
        .hasMessageStartingWith(file + ": expected a mapping of sections");
  }
}
