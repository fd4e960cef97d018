package com.mas.gateway.auth;

import static com.mas.gateway.auth.TenantGateway.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.config.ApiKeyHash;
import com.mas.gateway.testkit.ClientResponse;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may call, over real HTTP: the tenant comes from the key, and from nothing else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyAuthTest {

  private static final String CS_KEY = "cs-live-key";
  private static final String REVOKED_KEY = "cs-revoked-key";
  private static final String MARKETING_KEY = "marketing-key";
  private static final String SUSPENDED_KEY = "paused-key";

  private TenantGateway gateway;

  @BeforeAll
  void start(@TempDir Path dir) {
    gateway = new TenantGateway(dir, """
        - id: cosmetics-cs
          keys: [%s]
          disabledKeySha256: [%s]
        - id: marketing
          keys: [%s]
          allowedModels: [mas-fast]
        - id: paused
          keys: [%s]
          suspended: true
        """.formatted(CS_KEY, ApiKeyHash.sha256Hex(REVOKED_KEY), MARKETING_KEY, SUSPENDED_KEY));
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  @Test
  void refuses_a_request_without_a_key_with_401_missing_api_key() {
    ClientResponse response = gateway.chat("sim-gpt", Map.of());

    assertError(response, 401, "missing_api_key");
  }

  @Test
  void refuses_an_unknown_key_with_401_invalid_api_key_without_echoing_it() {
    ClientResponse response = gateway.chat("sim-gpt", "sk-guessed-0123456789");

    assertError(response, 401, "invalid_api_key");
    assertThat(response.body().toString()).doesNotContain("sk-guessed");
  }

  @Test
  void refuses_a_disabled_key_with_403_api_key_disabled() {
    ClientResponse response = gateway.chat("sim-gpt", REVOKED_KEY);

    assertError(response, 403, "api_key_disabled");
    assertThat(response.body().toString()).doesNotContain(REVOKED_KEY);
  }

  @Test
  void refuses_every_key_of_a_suspended_tenant_with_403_tenant_suspended() {
    assertError(gateway.chat("sim-gpt", SUSPENDED_KEY), 403, "tenant_suspended");
    assertError(gateway.models(bearer(SUSPENDED_KEY)), 403, "tenant_suspended");
  }

  @Test
  void refused_keys_never_reach_the_upstream() {
    int before = gateway.simulator.observations().size();

    gateway.chat("sim-gpt", Map.of());
    gateway.chat("sim-gpt", "wrong");
    gateway.chat("sim-gpt", REVOKED_KEY);
    gateway.chat("sim-gpt", SUSPENDED_KEY);

    assertThat(gateway.simulator.observations()).hasSize(before);
  }

  @Test
  void accepts_the_key_as_bearer_token_or_as_x_api_key() {
    assertThat(gateway.chat("sim-gpt", Map.of("authorization", "Bearer " + CS_KEY)).status()).isEqualTo(200);
    assertThat(gateway.chat("sim-gpt", Map.of("authorization", "bearer " + CS_KEY)).status()).isEqualTo(200);
    assertThat(gateway.chat("sim-gpt", Map.of("x-api-key", CS_KEY)).status()).isEqualTo(200);
  }

  @Test
  void refuses_a_key_sent_in_another_scheme() {
    assertError(gateway.chat("sim-gpt", Map.of("authorization", "Basic " + CS_KEY)), 401, "missing_api_key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-Tenant-Id", "X-Tenant", "X-Tenant-ID"})
  void ignores_a_tenant_header_sent_by_the_client(String header) {
    // marketing may only use mas-fast; claiming to be cosmetics-cs (which may use everything) changes nothing.
    Map<String, String> spoofed = Map.of("authorization", "Bearer " + MARKETING_KEY, header, "cosmetics-cs");

    assertThat(gateway.modelIds(spoofed)).containsExactly("mas-fast");
    ClientResponse refused = gateway.chat("sim-gpt", spoofed);
    assertError(refused, 403, "model_not_allowed");
    assertThat(refused.error().getString("message")).contains("tenant 'marketing'");
    assertThat(gateway.chat("mas-fast", spoofed).status()).isEqualTo(200);
  }

  @Test
  void a_tenant_header_does_not_restrict_the_real_tenant_either() {
    Map<String, String> spoofed = Map.of("authorization", "Bearer " + CS_KEY, "X-Tenant-Id", "marketing");

    assertThat(gateway.modelIds(spoofed)).contains("mas-fast", "mas-claude", "openai/sim-gpt");
    assertThat(gateway.chat("sim-gpt", spoofed).status()).isEqualTo(200);
  }

  @Test
  void a_tenant_header_without_a_key_is_still_401() {
    assertError(gateway.chat("sim-gpt", Map.of("X-Tenant-Id", "cosmetics-cs")), 401, "missing_api_key");
  }

  static void assertError(ClientResponse response, int status, String code) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    JsonObject error = response.error();
    assertThat(error.getString("type")).isEqualTo("invalid_request_error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    assertThat(error.containsKey("param")).isTrue();
  }
}
