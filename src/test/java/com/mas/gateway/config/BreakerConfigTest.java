package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreakerConfigTest {

  @TempDir Path dir;
  YamlFixture yaml;

  @BeforeEach
  void setUp() {
    yaml = new YamlFixture(dir);
  }

  @Test
  void defaults_apply_without_the_section() {
    BreakerConfig breakers = yaml.load(YamlFixture.OPENAI_PROVIDER).config().breakers();

    assertThat(breakers).isEqualTo(BreakerConfig.DEFAULT);
    assertThat(breakers.consecutiveFailures()).isEqualTo(5);
    assertThat(breakers.probe()).isEqualTo(ProbeKind.MODELS);
  }

  @Test
  void reads_every_field() {
    BreakerConfig breakers = yaml.load("""
        breakers:
          enabled: false
          consecutiveFailures: 3
          failureRatio: 0.25
          ratioMinRequests: 40
          ratioWindow: 1m
          openBase: 2s
          openFactor: 3
          openMax: 1m
          probe: completion
        """).config().breakers();

    assertThat(breakers).isEqualTo(new BreakerConfig(false, 3, 0.25, 40, Duration.ofMinutes(1),
        Duration.ofSeconds(2), 3.0, Duration.ofMinutes(1), ProbeKind.COMPLETION));
  }

  @Test
  void an_opening_lasts_longer_each_time_up_to_the_maximum() {
    BreakerConfig breakers = new BreakerConfig(true, 5, 0.5, 20, Duration.ofSeconds(30), Duration.ofSeconds(5), 2.0,
        Duration.ofSeconds(30), ProbeKind.NONE);

    assertThat(breakers.openDuration(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(breakers.openDuration(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(breakers.openDuration(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(breakers.openDuration(4)).isEqualTo(Duration.ofSeconds(30));
    assertThat(breakers.openDuration(60)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void bad_values_name_their_field() {
    yaml.assertFails("breakers: {failureRatio: 1.5}", "breakers.failureRatio",
        "must be greater than 0 and at most 1, got 1.5");
    yaml.assertFails("breakers: {probe: ping}", "breakers.probe",
        "expected models, completion or none, got \"ping\"");
    yaml.assertFails("breakers: {openBase: 10s, openMax: 5s}", "breakers.openMax",
        "must not be shorter than openBase (10000 ms)");
    yaml.assertFails("breakers: {consecutiveFailures: 0}", "breakers.consecutiveFailures",
        "must be between 1 and 1000000, got 0");
    yaml.assertFails("breakers: {openFactor: 0.5}", "breakers.openFactor", "must be between 1 and 100, got 0.5");
    yaml.assertFails("breakers: {window: 5s}", "breakers.window",
        "unknown key; expected one of enabled, consecutiveFailures, failureRatio, ratioMinRequests, ratioWindow, "
            + "openBase, openFactor, openMax, probe");
  }

  @Test
  void admin_key_is_kept_as_its_hash_from_the_file_or_the_environment() {
    AdminKey plain = yaml.load("server: {adminKey: s3cret}").config().server().adminKey();
    assertThat(plain).isEqualTo(new AdminKey("admin", ApiKeyHash.sha256Hex("s3cret")));

    String hash = ApiKeyHash.sha256Hex("other");
    AdminKey named = yaml.load("server: {adminKey: {name: ops-team, keySha256: " + hash.toUpperCase() + "}}")
        .config().server().adminKey();
    assertThat(named).isEqualTo(new AdminKey("ops-team", hash));

    AdminKey fromEnv = yaml.load("server: {port: 8080}", Map.of("GATEWAY_API_KEY", "t", "ADMIN_KEY", "env-key"))
        .config().server().adminKey();
    assertThat(fromEnv.sha256()).isEqualTo(ApiKeyHash.sha256Hex("env-key"));

    AdminKey unset = yaml.load("server: {adminKey: \"${ADMIN_KEY:-}\"}").config().server().adminKey();
    assertThat(unset.configured()).isFalse();
    assertThat(ConfigLoader.fromEnvironment(Map.of("ADMIN_KEY", "zk")).config().server().adminKey().sha256())
        .isEqualTo(ApiKeyHash.sha256Hex("zk"));
  }

  @Test
  void admin_key_mapping_needs_exactly_one_key() {
    yaml.assertFails("server: {adminKey: {name: ops}}", "server.adminKey", "give exactly one of key and keySha256");
    yaml.assertFails("server: {adminKey: {keySha256: abc}}", "server.adminKey.keySha256",
        "expected 64 hex characters (the SHA-256 of a key), got 3 characters");
  }
}
