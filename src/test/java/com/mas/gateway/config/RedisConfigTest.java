package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisConfigTest {

  @TempDir Path dir;
  YamlFixture yaml;

  @BeforeEach
  void setUp() {
    yaml = new YamlFixture(dir);
  }

  @Test
  void reads_url_prefix_and_failure_policies() {
    RedisConfig redis = yaml.load("""
        redis:
          url: redis://:s3cret@redis.internal:6380/2
          keyPrefix: "prod:"
          onFailure: {limits: closed, budgets: closed}
        """).config().redis();

    assertThat(redis.configured()).isTrue();
    assertThat(redis.url()).isEqualTo("redis://:s3cret@redis.internal:6380/2");
    assertThat(redis.redactedUrl()).isEqualTo("redis://****@redis.internal:6380/2");
    assertThat(redis.keyPrefix()).isEqualTo("prod:");
    assertThat(redis.limitsFailOpen()).isFalse();
    assertThat(redis.budgetsFailOpen()).isFalse();
  }

  @Test
  void keeps_state_in_memory_when_the_url_is_empty_and_fails_open_by_default() {
    RedisConfig redis = yaml.load("redis:\n  url: ${REDIS_URL:-}\n").config().redis();

    assertThat(redis.configured()).isFalse();
    assertThat(redis.keyPrefix()).isEqualTo("mas:");
    assertThat(redis.limitsFailOpen()).isTrue();
    assertThat(redis.budgetsFailOpen()).isTrue();
  }

  @Test
  void takes_redis_url_from_the_environment_without_a_section_and_in_zero_config_mode() {
    Map<String, String> env = new HashMap<>(YamlFixture.ENV);
    env.put("REDIS_URL", "redis://127.0.0.1:6379");

    assertThat(yaml.load("server: {port: 0}\n", env).config().redis().url()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(ConfigLoader.fromEnvironment(env).config().redis().url()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(ConfigLoader.fromEnvironment(Map.of()).config().redis().configured()).isFalse();
  }

  @Test
  void refuses_a_url_that_is_not_redis_without_repeating_it() {
    yaml.assertFails("redis: {url: \"http://user:pw@host\"}\n", "redis.url",
        "expected a URL like redis://host:6379, rediss://user:password@host:6380/0 or unix:///path/redis.sock");
    assertThatThrownBy(() -> ConfigLoader.fromEnvironment(Map.of("REDIS_URL", "host:6379")))
        .hasMessageStartingWith("REDIS_URL: expected a URL like");
  }

  @Test
  void refuses_a_policy_other_than_open_or_closed_and_a_prefix_with_braces() {
    yaml.assertFails("redis: {onFailure: {limits: maybe}}\n", "redis.onFailure.limits",
        "expected open or closed, got \"maybe\"");
    yaml.assertFails("redis: {onFailure: {quotas: open}}\n", "redis.onFailure.quotas",
        "unknown key; expected one of limits, budgets");
    yaml.assertFails("redis: {keyPrefix: \"{mas}:\"}\n", "redis.keyPrefix",
        "must not contain { or }: keys are hash-tagged by tenant, got \"{mas}:\"");
  }
}
