package com.mas.gateway.config;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderValidationTest {

  @TempDir Path dir;
  YamlFixture yaml;

  @BeforeEach
  void setUp() {
    yaml = new YamlFixture(dir);
  }

  /** The OpenAI test provider with {@code extra} (indented 4) added under it. */
  private static String openai(String extra) {
    return YamlFixture.OPENAI_PROVIDER + extra;
  }

  @Test
  void rejects_non_duration_first_byte_naming_the_field() {
    yaml.assertFails(
        openai("    timeouts: {firstByte: abc}\n"),
        "providers.openai.timeouts.firstByte",
        "expected a duration like 30s, got \"abc\"");
  }

  @Test
  void rejects_bare_number_as_duration_since_the_unit_is_ambiguous() {
    yaml.assertFails(
        openai("    timeouts: {idle: 60}\n"),
        "providers.openai.timeouts.idle",
        "expected a duration like 30s, got 60");
  }

  @Test
  void rejects_zero_connect_timeout() {
    yaml.assertFails(
        openai("    timeouts: {connect: 0s}\n"),
        "providers.openai.timeouts.connect",
        "must be greater than zero, got \"0s\"");
  }

  @Test
  void rejects_unknown_provider_key_naming_it() {
    yaml.assertFails(
        openai("    timeout: {idle: 5s}\n"),
        "providers.openai.timeout",
        "unknown key; expected one of type, baseUrl, apiKey, requestUsage, models, headers,"
            + " forwardHeaders, timeouts, pool");
  }

  @Test
  void rejects_unknown_timeout_key_naming_it() {
    yaml.assertFails(
        openai("    timeouts: {first_byte: 5s}\n"),
        "providers.openai.timeouts.first_byte",
        "unknown key; expected one of connect, firstByte, idle");
  }

  @Test
  void rejects_unknown_provider_type_listing_the_allowed_ones() {
    yaml.assertFails(
        "providers:\n  claude: {type: claude, apiKey: k}\n",
        "providers.claude.type",
        "unknown provider type \"claude\"; expected one of openai, deepseek, anthropic, gemini");
  }

  @Test
  void rejects_missing_provider_type_listing_the_allowed_ones() {
    yaml.assertFails(
        "providers:\n  openai: {apiKey: k}\n",
        "providers.openai.type",
        "required; one of openai, deepseek, anthropic, gemini");
  }

  @Test
  void rejects_base_url_that_is_not_http() {
    yaml.assertFails(
        openai("    baseUrl: ftp://api.openai.com/v1\n"),
        "providers.openai.baseUrl",
        "expected an absolute http(s) URL like https://api.openai.com/v1, got"
            + " \"ftp://api.openai.com/v1\"");
  }

  @Test
  void rejects_relative_base_url() {
    yaml.assertFails(
        openai("    baseUrl: api.openai.com/v1\n"),
        "providers.openai.baseUrl",
        "expected an absolute http(s) URL like https://api.openai.com/v1, got"
            + " \"api.openai.com/v1\"");
  }

  @Test
  void rejects_base_url_with_query() {
    yaml.assertFails(
        openai("    baseUrl: https://example.com/v1?key=1\n"),
        "providers.openai.baseUrl",
        "must not have a query or fragment, got \"https://example.com/v1?key=1\"");
  }

  @Test
  void rejects_base_url_with_credentials_without_echoing_them() {
    yaml.assertFails(
        openai("    baseUrl: https://user:hunter2@example.com/v1\n"),
        "providers.openai.baseUrl",
        "must not contain user info; put credentials in apiKey");
  }

  @Test
  void requires_api_key_for_a_remote_base_url() {
    yaml.assertFails(
        "providers:\n  openai: {type: openai}\n",
        "providers.openai.apiKey",
        "required unless baseUrl is a loopback address; write ${VAR:-} to disable the provider when"
            + " VAR is unset");
  }

  @Test
  void rejects_non_boolean_request_usage() {
    yaml.assertFails(
        openai("    requestUsage: sometimes\n"),
        "providers.openai.requestUsage",
        "expected true or false, got \"sometimes\"");
  }

  @Test
  void rejects_models_given_as_a_single_string() {
    yaml.assertFails(
        openai("    models: gpt-4o\n"),
        "providers.openai.models",
        "expected a list, got \"gpt-4o\"");
  }

  @Test
  void rejects_non_string_model_id_naming_its_index() {
    yaml.assertFails(
        openai("    models: [gpt-4o, 4]\n"),
        "providers.openai.models[1]",
        "expected a string, got 4");
  }

  @Test
  void rejects_zero_max_connections() {
    yaml.assertFails(
        openai("    pool: {maxConnections: 0}\n"),
        "providers.openai.pool.maxConnections",
        "must be between 1 and 65536, got 0");
  }

  @Test
  void rejects_invalid_header_name_naming_it() {
    yaml.assertFails(
        openai("    headers: {\"Bad Header\": x}\n"),
        "providers.openai.headers.Bad Header",
        "not a valid HTTP header name (RFC 9110 section 5.1)");
  }

  @Test
  void rejects_header_value_with_line_break_without_echoing_it() {
    yaml.assertFails(
        openai("    headers: {X-Token: \"secret\\r\\nInjected: 1\"}\n"),
        "providers.openai.headers.X-Token",
        "header value must not contain line breaks");
  }

  @Test
  void rejects_provider_name_unfit_for_addressing() {
    yaml.assertFails(
        "providers:\n  open/ai: {type: openai, apiKey: k}\n",
        "providers.open/ai",
        "a provider name must be a name of up to 64 letters, digits, '.', '_' or '-', starting with"
            + " a letter or digit");
  }

  @Test
  void rejects_providers_given_as_a_list() {
    yaml.assertFails("providers: [openai]\n", "providers", "expected a mapping, got a list");
  }

  @Test
  void rejects_non_string_api_key_without_echoing_it() {
    yaml.assertFails(
        "providers: {openai: {type: openai, apiKey: 31415926}}\n",
        "providers.openai.apiKey",
        "expected a string, got a number");
  }
}
