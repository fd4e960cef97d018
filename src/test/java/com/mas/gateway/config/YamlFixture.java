package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes YAML to a real file in a test's temporary directory and loads it. */
final class YamlFixture {

  /** An environment with a tenant key, so files without a tenants section need nothing else. */
  static final Map<String, String> ENV = Map.of("GATEWAY_API_KEY", "tenant-key");

  /** A provider that is valid as it stands, to embed in files that test something else. */
  static final String OPENAI_PROVIDER =
      """
      providers:
        openai:
          type: openai
          apiKey: sk-test
      """;

  private final Path dir;

  YamlFixture(Path dir) {
    this.dir = dir;
  }

  Path write(String yaml) {
    try {
      return Files.writeString(dir.resolve("gateway.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LoadedConfig load(String yaml) {
    return load(yaml, ENV);
  }

  LoadedConfig load(String yaml, Map<String, String> env) {
    return ConfigLoader.load(write(yaml), env);
  }

  /** Asserts that loading fails with exactly {@code <path>: <problem>}. */
  void assertFails(String yaml, String path, String problem) {
    assertFails(yaml, ENV, path, problem);
  }

  void assertFails(String yaml, Map<String, String> env, String path, String problem) {
    assertThatThrownBy(() -> load(yaml, env))
        .hasMessage(path + ": " + problem)
        .asInstanceOf(type(ConfigException.class))
        .returns(path, ConfigException::path)
        .returns(problem, ConfigException::problem);
  }
}
