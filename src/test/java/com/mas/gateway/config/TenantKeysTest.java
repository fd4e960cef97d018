package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantKeysTest {

  @TempDir Path dir;
  YamlFixture yaml;

  @BeforeEach
  void setUp() {
    yaml = new YamlFixture(dir);
  }

  @Test
  void hashes_with_sha256_as_lowercase_hex() {
    // FIPS 180-2 test vector for "abc".
    assertThat(ApiKeyHash.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void uses_gateway_api_key_for_the_default_tenant() {
    LoadedConfig loaded = ConfigLoader.fromEnvironment(Map.of("GATEWAY_API_KEY", "team-key"));

    assertThat(loaded.generatedTenantKey()).isEmpty();
    assertThat(loaded.config().tenants())
        .containsExactly(
            new TenantConfig("default", java.util.List.of(ApiKeyHash.sha256Hex("team-key"))));
  }

  @Test
  void generates_a_prefixed_url_safe_key_when_gateway_api_key_is_unset() {
    LoadedConfig loaded = ConfigLoader.fromEnvironment(Map.of("GATEWAY_API_KEY", ""));

    String key = loaded.generatedTenantKey().orElseThrow();
    assertThat(key)
        .startsWith("mgw-")
        .hasSizeGreaterThanOrEqualTo(36)
        .matches("mgw-[A-Za-z0-9_-]+");
    assertThat(loaded.config().tenants().get(0).id()).isEqualTo("default");
    assertThat(loaded.config().tenants().get(0).keySha256())
        .containsExactly(ApiKeyHash.sha256Hex(key));
  }

  @Test
  void generates_a_different_key_each_time() {
    String first = ConfigLoader.fromEnvironment(Map.of()).generatedTenantKey().orElseThrow();
    String second = ConfigLoader.fromEnvironment(Map.of()).generatedTenantKey().orElseThrow();

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void applies_the_default_tenant_rule_to_a_file_without_tenants() {
    LoadedConfig withKey =
        yaml.load(YamlFixture.OPENAI_PROVIDER, Map.of("GATEWAY_API_KEY", "file-key"));
    LoadedConfig without = yaml.load(YamlFixture.OPENAI_PROVIDER, Map.of());

    assertThat(withKey.config().tenants().get(0).keySha256())
        .containsExactly(ApiKeyHash.sha256Hex("file-key"));
    assertThat(withKey.generatedTenantKey()).isEmpty();
    assertThat(without.generatedTenantKey())
        .hasValueSatisfying(key -> assertThat(key).startsWith("mgw-"));
  }

  @Test
  void stores_file_keys_only_as_hashes() {
    LoadedConfig loaded =
        yaml.load(
            """
            tenants:
              - id: sales
                keys: ["${SALES_KEY}", literal-key]
                keySha256: [%s]
            """
                .formatted("AB".repeat(32)),
            Map.of("SALES_KEY", "sales-secret"));

    TenantConfig sales = loaded.config().tenants().get(0);
    assertThat(sales.keySha256())
        .containsExactly(
            ApiKeyHash.sha256Hex("sales-secret"),
            ApiKeyHash.sha256Hex("literal-key"),
            "ab".repeat(32));
    assertThat(loaded.generatedTenantKey()).isEmpty();
    assertThat(loaded.toString()).doesNotContain("sales-secret").doesNotContain("literal-key");
  }

  @Test
  void skips_keys_that_resolve_to_empty_when_others_remain() {
    LoadedConfig loaded =
        yaml.load("tenants: [{id: ops, keys: [\"${OLD_KEY:-}\", new-key]}]\n", Map.of());

    assertThat(loaded.config().tenants().get(0).keySha256())
        .containsExactly(ApiKeyHash.sha256Hex("new-key"));
  }

  @Test
  void secret_to_string_masks_the_value() {
    Secret secret = new Secret("sk-very-secret");

    assertThat(secret.toString()).isEqualTo("****");
    assertThat(
            new ProviderConfig(
                    "p", ProviderType.OPENAI, "https://x", secret, null, null, true, null, null, null)
                .toString())
        .doesNotContain("sk-very-secret");
  }

  @Test
  void loaded_config_to_string_masks_provider_and_generated_keys() {
    LoadedConfig loaded = ConfigLoader.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-very-secret"));

    String key = loaded.generatedTenantKey().orElseThrow();
    assertThat(loaded.toString())
        .doesNotContain("sk-very-secret")
        .doesNotContain(key)
        .contains("****");
  }
}
