package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvInterpolationTest {

  @TempDir Path dir;
  YamlFixture yaml;

  @BeforeEach
  void setUp() {
    yaml = new YamlFixture(dir);
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>(YamlFixture.ENV);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private ProviderConfig openai(String yamlText, Map<String, String> env) {
    return yaml.load(yamlText, env).config().providers().get("openai");
  }

  @Test
  void replaces_a_variable_with_its_value() {
    ProviderConfig openai =
        openai("providers: {openai: {type: openai, apiKey: \"${KEY}\"}}\n", env("KEY", "sk-1"));

    assertThat(openai.apiKey().value()).isEqualTo("sk-1");
  }

  @Test
  void replaces_several_variables_inside_one_string() {
    ProviderConfig openai =
        openai(
            "providers: {openai: {type: openai, apiKey: k, baseUrl:"
                + " \"http://${HOST}:${PORT}/v1\"}}\n",
            env("HOST", "10.0.0.5", "PORT", "8000"));

    assertThat(openai.baseUrl()).isEqualTo("http://10.0.0.5:8000/v1");
  }

  @Test
  void uses_the_default_when_the_variable_is_unset() {
    ServerConfig server =
        yaml.load("server: {port: \"${APP_PORT:-8181}\"}\n", env()).config().server();

    assertThat(server.port()).isEqualTo(8181);
  }

  @Test
  void uses_the_default_when_the_variable_is_empty() {
    ServerConfig server =
        yaml.load("server: {port: \"${APP_PORT:-8181}\"}\n", env("APP_PORT", "")).config().server();

    assertThat(server.port()).isEqualTo(8181);
  }

  @Test
  void prefers_the_variable_over_the_default() {
    ServerConfig server =
        yaml.load("server: {port: \"${APP_PORT:-8181}\"}\n", env("APP_PORT", "7000"))
            .config()
            .server();

    assertThat(server.port()).isEqualTo(7000);
  }

  @Test
  void keeps_colons_and_slashes_in_a_default() {
    ProviderConfig openai =
        openai(
            "providers: {openai: {type: openai, apiKey: k, baseUrl:"
                + " \"${URL:-https://api.openai.com/v1}\"}}\n",
            env());

    assertThat(openai.baseUrl()).isEqualTo("https://api.openai.com/v1");
  }

  @Test
  void fails_on_unset_variable_naming_the_field_and_the_variable() {
    yaml.assertFails(
        "providers: {openai: {type: openai, apiKey: \"${OPENAI_API_KEY}\"}}\n",
        env(),
        "providers.openai.apiKey",
        "environment variable OPENAI_API_KEY is not set (write ${OPENAI_API_KEY:-default} to give a"
            + " default)");
  }

  @Test
  void names_list_indexes_in_the_path_of_an_unset_variable() {
    yaml.assertFails(
        "tenants: [{id: a, keys: [k1, \"${SECOND_KEY}\"]}]\n",
        env(),
        "tenants[0].keys[1]",
        "environment variable SECOND_KEY is not set (write ${SECOND_KEY:-default} to give a"
            + " default)");
  }

  @Test
  void treats_a_doubled_dollar_as_a_literal() {
    ProviderConfig openai =
        openai("providers: {openai: {type: openai, apiKey: \"$${NOT_A_VAR}-$${X:-y}\"}}\n", env());

    assertThat(openai.apiKey().value()).isEqualTo("${NOT_A_VAR}-${X:-y}");
  }

  @Test
  void leaves_a_lone_dollar_alone() {
    ProviderConfig openai =
        openai("providers: {openai: {type: openai, apiKey: \"pa$$word$\"}}\n", env());

    assertThat(openai.apiKey().value()).isEqualTo("pa$$word$");
  }

  @Test
  void does_not_expand_references_inside_substituted_values() {
    ProviderConfig openai =
        openai(
            "providers: {openai: {type: openai, apiKey: \"${KEY}\"}}\n",
            env("KEY", "a${OTHER}b", "OTHER", "x"));

    assertThat(openai.apiKey().value()).isEqualTo("a${OTHER}b");
  }

  @Test
  void interpolates_list_elements_and_map_values() {
    ProviderConfig openai =
        openai(
            "providers: {openai: {type: openai, apiKey: k, models: [\"${M}\"], headers: {X-Org:"
                + " \"${ORG}\"}}}\n",
            env("M", "gpt-4o", "ORG", "org-9"));

    assertThat(openai.models()).containsExactly("gpt-4o");
    assertThat(openai.headers()).containsEntry("X-Org", "org-9");
  }

  @Test
  void does_not_interpolate_keys() {
    yaml.assertFails(
        "server: {\"${KEY}\": 1}\n",
        env("KEY", "port"),
        "server.${KEY}",
        "unknown key; expected one of host, port, managementPort, maxBodySize, maxEventSize,"
            + " shutdownGrace, reloadInterval, adminKey");
  }

  @Test
  void rejects_unterminated_reference_naming_the_field() {
    yaml.assertFails(
        "server: {host: \"${GATEWAY_HOST\"}\n",
        env(),
        "server.host",
        "unterminated ${ (no closing brace); write $${ for a literal ${");
  }

  @Test
  void rejects_invalid_variable_name() {
    yaml.assertFails(
        "server: {host: \"${1HOST}\"}\n",
        env(),
        "server.host",
        "invalid variable name \"1HOST\" in ${...}");
  }

  @Test
  void type_checks_the_value_after_substitution() {
    yaml.assertFails(
        "server: {port: \"${GATEWAY_PORT}\"}\n",
        env("GATEWAY_PORT", "eighty"),
        "server.port",
        "expected a number, got \"eighty\"");
  }

  @Test
  void accepts_booleans_and_durations_from_variables() {
    ProviderConfig openai =
        openai(
            "providers: {openai: {type: openai, apiKey: k, requestUsage: \"${U}\", timeouts: {idle:"
                + " \"${IDLE}\"}}}\n",
            env("U", "false", "IDLE", "90s"));

    assertThat(openai.requestUsage()).isFalse();
    assertThat(openai.timeouts().idle()).hasSeconds(90);
  }
}
