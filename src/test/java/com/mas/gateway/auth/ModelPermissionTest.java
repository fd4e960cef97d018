package com.mas.gateway.auth;

import static com.mas.gateway.auth.ApiKeyAuthTest.assertError;
import static com.mas.gateway.auth.TenantGateway.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.testkit.ClientResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * allowedModels over real HTTP: names and aliases, provider/model ids and prefixes, checked
 * against both the name sent and the provider/model it resolves to; GET /v1/models agrees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelPermissionTest {

  private TenantGateway gateway;

  @BeforeAll
  void start(@TempDir Path dir) {
    gateway = new TenantGateway(dir, """
        - {id: everything, keys: [key-all]}
        - {id: alias-only, keys: [key-alias], allowedModels: [mas-fast]}
        - {id: exact-target, keys: [key-target], allowedModels: [openai/sim-gpt]}
        - {id: by-provider, keys: [key-provider], allowedModels: ["anthropic/*"]}
        - {id: by-name-prefix, keys: [key-prefix], allowedModels: ["sim-g*", "mas-c*"]}
        """);
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  @ParameterizedTest(name = "{0} sends {1}: {2}")
  @CsvSource({
      "key-all, sim-claude, 200",
      "key-all, openai/sim-fast, 200",
      // an alias allows that alias, not the other names of its model
      "key-alias, mas-fast, 200",
      "key-alias, openai/sim-fast, 403",
      "key-alias, sim-fast, 403",
      "key-alias, sim-gpt, 403",
      // a provider/model id allows every name that resolves to it
      "key-target, openai/sim-gpt, 200",
      "key-target, sim-gpt, 200",
      "key-target, sim-fast, 403",
      "key-target, mas-fast, 403",
      // a provider prefix allows aliases bound to that provider
      "key-provider, mas-claude, 200",
      "key-provider, anthropic/sim-claude, 200",
      "key-provider, sim-claude, 200",
      "key-provider, mas-fast, 403",
      "key-provider, sim-gpt, 403",
      // a name prefix
      "key-prefix, sim-gpt, 200",
      "key-prefix, mas-claude, 200",
      "key-prefix, sim-fast, 403",
      "key-prefix, mas-fast, 403",
  })
  void admits_only_the_allowed_models(String key, String model, int status) {
    ClientResponse response = gateway.chat(model, key);

    assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    if (status == 403) {
      assertError(response, 403, "model_not_allowed");
      assertThat(response.error().getString("param")).isEqualTo("model");
      assertThat(response.error().getString("message")).contains("'" + model + "'");
    }
  }

  @Test
  void names_the_requested_model_and_what_it_resolves_to() {
    ClientResponse response = gateway.chat("mas-fast", "key-provider");

    assertThat(response.error().getString("message"))
        .isEqualTo("The model 'mas-fast' (openai/sim-fast) is not allowed for tenant 'by-provider'."
            + " Use GET /v1/models to list the models you can use.");
  }

  @Test
  void a_refused_model_never_reaches_the_upstream() {
    int before = gateway.simulator.observations().size();

    assertThat(gateway.chat("sim-gpt", "key-alias").status()).isEqualTo(403);

    assertThat(gateway.simulator.observations()).hasSize(before);
  }

  @Test
  void an_unknown_model_is_still_404_for_a_restricted_tenant() {
    assertThat(gateway.chat("no-such-model", "key-alias").status()).isEqualTo(404);
  }

  @Test
  void lists_every_model_for_an_unrestricted_tenant() {
    assertThat(gateway.modelIds(bearer("key-all")))
        .containsExactly("mas-fast", "mas-claude", "openai/sim-gpt", "openai/sim-fast", "anthropic/sim-claude");
  }

  @Test
  void lists_only_the_models_each_tenant_may_use() {
    assertThat(gateway.modelIds(bearer("key-alias"))).containsExactly("mas-fast");
    assertThat(gateway.modelIds(bearer("key-target"))).containsExactly("openai/sim-gpt");
    assertThat(gateway.modelIds(bearer("key-provider"))).containsExactly("mas-claude", "anthropic/sim-claude");
    assertThat(gateway.modelIds(bearer("key-prefix"))).containsExactly("mas-claude");
  }

  @Test
  void lists_models_only_with_a_valid_key() {
    assertError(gateway.models(bearer("wrong")), 401, "invalid_api_key");
  }
}
