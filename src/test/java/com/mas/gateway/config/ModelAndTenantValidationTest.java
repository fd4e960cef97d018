package com.mas.gateway.config;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelAndTenantValidationTest {

  @TempDir Path dir;
  YamlFixture yaml;

  @BeforeEach
  void setUp() {
    yaml = new YamlFixture(dir);
  }

  @Test
  void rejects_model_that_names_an_unconfigured_provider() {
    yaml.assertFails(
        YamlFixture.OPENAI_PROVIDER
            + """
              models:
                - {name: fast, provider: openai}
                - {name: claude, provider: anthropic}
              """,
        "models[1].provider",
        "unknown provider \"anthropic\"; configured: openai");
  }

  @Test
  void rejects_model_reference_when_no_provider_is_configured() {
    yaml.assertFails(
        "models: [{name: fast, provider: openai}]\n",
        "models[0].provider",
        "unknown provider \"openai\"; no providers are configured");
  }

  @Test
  void rejects_duplicate_model_names_naming_both_entries() {
    yaml.assertFails(
        YamlFixture.OPENAI_PROVIDER
            + """
              models:
                - {name: fast, provider: openai, upstreamModel: gpt-4o-mini}
                - {name: smart, provider: openai, upstreamModel: gpt-4o}
                - {name: fast, provider: openai, upstreamModel: gpt-4o}
              """,
        "models[2].name",
        "duplicate model name \"fast\", already defined at models[0]");
  }

  @Test
  void rejects_model_without_provider() {
    yaml.assertFails(
        YamlFixture.OPENAI_PROVIDER + "models: [{name: fast}]\n", "models[0].provider", "required");
  }

  @Test
  void rejects_unknown_model_key_naming_it() {
    yaml.assertFails(
        YamlFixture.OPENAI_PROVIDER + "models: [{name: fast, provider: openai, upstream: x}]\n",
        "models[0].upstream",
        "unknown key; expected one of name, provider, upstreamModel");
  }

  @Test
  void rejects_malformed_key_hash_without_echoing_it() {
    yaml.assertFails(
        "tenants: [{id: ops, keySha256: [sk-pasted-plain-key]}]\n",
        "tenants[0].keySha256[0]",
        "expected 64 hex characters (the SHA-256 of a key), got 19 characters");
  }

  @Test
  void rejects_key_hash_of_the_right_length_with_non_hex_characters() {
    yaml.assertFails(
        "tenants: [{id: ops, keySha256: [\"" + "g".repeat(64) + "\"]}]\n",
        "tenants[0].keySha256[0]",
        "expected 64 hex characters (the SHA-256 of a key), got a non-hex character");
  }

  @Test
  void rejects_empty_tenant_list() {
    yaml.assertFails(
        "tenants: []\n",
        "tenants",
        "at least one tenant is required; omit the section to use GATEWAY_API_KEY");
  }

  @Test
  void rejects_tenant_whose_keys_all_resolve_to_empty() {
    yaml.assertFails(
        "tenants: [{id: ops, keys: [\"${OPS_KEY:-}\"]}]\n",
        "tenants[0]",
        "tenant \"ops\" has no key: keys and keySha256 are empty after resolving environment"
            + " variables");
  }

  @Test
  void rejects_duplicate_tenant_ids() {
    yaml.assertFails(
        "tenants: [{id: a, keys: [k1]}, {id: a, keys: [k2]}]\n",
        "tenants[1].id",
        "duplicate tenant id \"a\"");
  }

  @Test
  void rejects_one_key_for_two_tenants() {
    yaml.assertFails(
        "tenants: [{id: a, keys: [shared]}, {id: b, keys: [shared]}]\n",
        "tenants[1].keys[0]",
        "the same key is already configured for tenant \"a\"");
  }

  @Test
  void rejects_plain_key_and_its_hash_for_two_tenants() {
    String hash = ApiKeyHash.sha256Hex("shared");
    yaml.assertFails(
        "tenants: [{id: a, keys: [shared]}, {id: b, keySha256: [" + hash + "]}]\n",
        "tenants[1].keySha256[0]",
        "the same key is already configured for tenant \"a\"");
  }

  @Test
  void rejects_tenant_id_unfit_for_metrics_and_redis_tags() {
    yaml.assertFails(
        "tenants: [{id: \"{acme}\", keys: [k]}]\n",
        "tenants[0].id",
        "expected a name of up to 64 letters, digits, '.', '_' or '-', starting with a letter or"
            + " digit, got \"{acme}\"");
  }

  @Test
  void rejects_numeric_plain_key_without_echoing_it() {
    yaml.assertFails(
        "tenants: [{id: ops, keys: [123456789]}]\n",
        "tenants[0].keys[0]",
        "expected a string, got a number");
  }
}
