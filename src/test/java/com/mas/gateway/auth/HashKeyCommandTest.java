package com.mas.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.config.ApiKeyHash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hash-key}: new keys in the gateway's format, hashes of given keys, never a key echoed back. */
class HashKeyCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    ByteArrayInputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    return HashKeyCommand.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void generates_a_new_key_in_the_gateway_format_and_prints_its_hash() {
    assertThat(run("")).isZero();

    String[] lines = out().split("\n");
    assertThat(lines).hasSize(2);
    String key = lines[0].replaceFirst("^key: +", "");
    assertThat(key).matches("mgw-[A-Za-z0-9_-]{43}");
    assertThat(lines[1]).isEqualTo("keySha256: " + ApiKeyHash.sha256Hex(key));
    assertThat(err()).contains("keySha256").doesNotContain(key);
  }

  @Test
  void generates_a_different_key_each_run() {
    run("");
    run("");

    String[] lines = out().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).isNotEqualTo(lines[2]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--stdin", "-"})
  void hashes_a_key_read_from_stdin_without_echoing_it(String option) {
    assertThat(run("sales-team-secret\n", option)).isZero();

    assertThat(out()).isEqualTo(ApiKeyHash.sha256Hex("sales-team-secret") + "\n");
    assertThat(err()).doesNotContain("sales-team-secret");
  }

  @Test
  void hashes_a_key_given_as_argument_and_warns_about_shell_history() {
    assertThat(run("", "sales-team-secret")).isZero();

    assertThat(out()).isEqualTo(ApiKeyHash.sha256Hex("sales-team-secret") + "\n");
    assertThat(err()).contains("shell history").contains("--stdin").doesNotContain("sales-team-secret");
  }

  @Test
  void hashes_the_key_as_the_gateway_compares_it_without_surrounding_whitespace() {
    run("  spaced-key \r\n", "--stdin");

    assertThat(out()).isEqualTo(ApiKeyHash.sha256Hex("spaced-key") + "\n");
  }

  @Test
  void refuses_empty_stdin() {
    assertThat(run("\n", "--stdin")).isEqualTo(HashKeyCommand.USAGE_ERROR);
    assertThat(out()).isEmpty();
    assertThat(err()).contains("the key is empty");
  }

  @Test
  void refuses_several_lines_on_stdin_without_echoing_them() {
    assertThat(run("first-key\nsecond-key\n", "--stdin")).isEqualTo(HashKeyCommand.USAGE_ERROR);
    assertThat(out()).isEmpty();
    assertThat(err()).contains("several lines").doesNotContain("first-key");
  }

  @Test
  void refuses_unknown_options_and_extra_arguments() {
    assertThat(run("", "--length", "64")).isEqualTo(HashKeyCommand.USAGE_ERROR);
    assertThat(run("", "--lenght")).isEqualTo(HashKeyCommand.USAGE_ERROR);
    assertThat(out()).isEmpty();
    assertThat(err()).contains("usage:");
  }

  @Test
  void prints_usage_on_help() {
    assertThat(run("", "--help")).isZero();
    assertThat(out()).contains("hash-key --stdin");
  }
}
