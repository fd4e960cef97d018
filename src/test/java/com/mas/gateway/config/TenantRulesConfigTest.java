package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a tenant may do, as the tenants section says: every field, and every error by its path. */
class TenantRulesConfigTest {

  private static final String HASH_A = "a".repeat(64);
  private static final String HASH_B = "b".repeat(64);

  @TempDir Path dir;
  YamlFixture yaml;

  @BeforeEach
  void setUp() {
    yaml = new YamlFixture(dir);
  }

  private TenantConfig only(String tenantYaml) {
    return yaml.load("tenants:\n  - " + tenantYaml.strip().replace("\n", "\n    ") + "\n").config().tenants().get(0);
  }

  @Test
  void reads_every_tenant_field() {
    TenantConfig tenant = only("""
        id: cosmetics-cs
        keys: [cs-key]
        disabledKeySha256: [%s]
        suspended: true
        allowedModels: [mas-fast, "deepseek/*", openai/gpt-4o-mini]
        limits: {requestsPerMinute: 600, tokensPerMinute: 400000, concurrentStreams: 60}
        budgets: {daily: "50.00", monthly: 1200, alerts: [80, 50]}
        agents:
          Sales:
            limits: {requestsPerMinute: 120}
            budgets: {daily: 10.25}
          compliance-review:
            limits: {tokensPerMinute: 100000, concurrentStreams: 4}
        """.formatted(HASH_A));

    assertThat(tenant.keySha256()).containsExactly(ApiKeyHash.sha256Hex("cs-key"));
    assertThat(tenant.disabledKeySha256()).containsExactly(HASH_A);
    assertThat(tenant.suspended()).isTrue();
    assertThat(tenant.allowedModels()).containsExactly("mas-fast", "deepseek/*", "openai/gpt-4o-mini");
    assertThat(tenant.limits()).isEqualTo(new LimitConfig(600, 400_000, 60));
    assertThat(tenant.budgets()).isEqualTo(new BudgetConfig(50_000_000, 1_200_000_000, List.of(50, 80)));
    assertThat(tenant.agentLimits()).isEqualTo(Map.of(
        "sales", new LimitConfig(120, 0, 0),
        "compliance-review", new LimitConfig(0, 100_000, 4)));
    assertThat(tenant.agentBudgets()).isEqualTo(Map.of(
        "sales", new BudgetConfig(10_250_000, 0, BudgetConfig.DEFAULT_ALERTS)));
  }

  @Test
  void defaults_to_an_active_tenant_with_every_model_and_no_limits() {
    TenantConfig tenant = only("{id: ops, keys: [k]}");

    assertThat(tenant).isEqualTo(new TenantConfig("ops", List.of(ApiKeyHash.sha256Hex("k"))));
    assertThat(tenant.budgets().alertPercents()).containsExactly(50, 80, 100);
  }

  @Test
  void accepts_a_tenant_whose_only_keys_are_disabled() {
    TenantConfig tenant = only("{id: ops, keys: [\"${OPS_KEY:-}\"], disabledKeySha256: [%s]}".formatted(HASH_B));

    assertThat(tenant.keySha256()).isEmpty();
    assertThat(tenant.disabledKeySha256()).containsExactly(HASH_B);
  }

  @Test
  void an_empty_alert_list_means_no_alerts() {
    assertThat(only("{id: ops, keys: [k], budgets: {daily: 1, alerts: []}}").budgets().alertPercents()).isEmpty();
  }

  @ParameterizedTest(name = "{0} USD")
  @CsvSource(delimiter = '|', value = {
      "5|5000000",
      "\"5.00\"|5000000",
      "100.5|100500000",
      "0.1|100000",
      "0.000001|1",
      "\"0.000001\"|1",
      "5.000000000|5000000",
      "123456789.123456|123456789123456",
      "1000000000|1000000000000000",
      "0|0",
  })
  void converts_usd_exactly_to_micro_dollars(String usd, long micros) {
    assertThat(only("{id: ops, keys: [k], budgets: {monthly: " + usd + "}}").budgets().monthlyMicros())
        .isEqualTo(micros);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "daily: 0.0000001|daily|at most 6 decimal places (one micro-dollar), got 0.0000001",
      "daily: \"1.2345678\"|daily|at most 6 decimal places (one micro-dollar), got 1.2345678",
      // A binary double would round this to 0.1 and accept it silently.
      "daily: 0.1000000000000000001|daily|at most 6 decimal places (one micro-dollar), got 0.1000000000000000001",
      "monthly: -1|monthly|must not be negative, got -1",
      "monthly: \"-0.50\"|monthly|must not be negative, got -0.50",
      "daily: 1000000000.000001|daily|must be at most 1000000000 USD, got 1000000000.000001",
      "daily: five|daily|expected a number, got \"five\"",
      "daily: \"$5\"|daily|expected a number, got \"$5\"",
      "daily: true|daily|expected a number, got true",
      "daily: [5]|daily|expected a number, got a list",
      "alerts: [0]|alerts[0]|must be between 1 and 100, got 0",
      "alerts: [50, 150]|alerts[1]|must be between 1 and 100, got 150",
      "alerts: [80, 80]|alerts[1]|duplicate alert threshold 80",
      "alerts: 80|alerts|expected a list, got 80",
      "weekly: 5|weekly|unknown key; expected one of daily, monthly, alerts",
  })
  void rejects_a_bad_budget_naming_its_path(String field, String path, String problem) {
    yaml.assertFails("tenants: [{id: ops, keys: [k], budgets: {" + field + "}}]\n",
        "tenants[0].budgets." + path, problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "requestsPerMinute: -5|requestsPerMinute|must be between 0 and 1000000000000, got -5",
      "tokensPerMinute: 1.5|tokensPerMinute|expected a whole number between 0 and 1000000000000, got 1.5",
      "concurrentStreams: many|concurrentStreams|expected a number, got \"many\"",
      "requestPerMinute: 5|requestPerMinute|unknown key; expected one of requestsPerMinute, tokensPerMinute,"
          + " concurrentStreams",
  })
  void rejects_a_bad_limit_naming_its_path(String field, String path, String problem) {
    yaml.assertFails("tenants: [{id: ops, keys: [k], limits: {" + field + "}}]\n",
        "tenants[0].limits." + path, problem);
  }

  @Test
  void rejects_limits_that_are_not_a_mapping() {
    yaml.assertFails("tenants: [{id: ops, keys: [k], limits: 5}]\n", "tenants[0].limits", "expected a mapping, got 5");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "sales: {limit: {}}|sales.limit|unknown key; expected one of limits, budgets",
      "sales: {budgets: {daily: 0.1234567}}|sales.budgets.daily|at most 6 decimal places (one micro-dollar),"
          + " got 0.1234567",
      "sales: {limits: {concurrentStreams: -1}}|sales.limits.concurrentStreams|must be between 0 and"
          + " 1000000000000, got -1",
      "\"{sales}\": {}|{sales}|expected an agent type: a name of up to 64 letters, digits, '.', '_' or '-',"
          + " starting with a letter or digit",
      "sales: {}, Sales: {}|Sales|agent type \"sales\" is already configured as \"sales\" (agent types are"
          + " matched in lowercase)",
  })
  void rejects_a_bad_agent_entry_naming_its_path(String agents, String path, String problem) {
    yaml.assertFails("tenants: [{id: ops, keys: [k], agents: {" + agents + "}}]\n",
        "tenants[0].agents." + path, problem);
  }

  @Test
  void rejects_agents_that_are_not_a_mapping() {
    yaml.assertFails("tenants: [{id: ops, keys: [k], agents: [sales]}]\n", "tenants[0].agents",
        "expected a mapping, got a list");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "[\"gpt*4o\"]|allowedModels[0]|'*' may only end an entry (a prefix such as \"gpt-4o*\"), got \"gpt*4o\"",
      "[mas-fast, \"\"]|allowedModels[1]|must not be empty",
      "[42]|allowedModels[0]|expected a string, got 42",
      "mas-fast|allowedModels|expected a list, got \"mas-fast\"",
  })
  void rejects_a_bad_allowed_model_naming_its_path(String models, String path, String problem) {
    yaml.assertFails("tenants: [{id: ops, keys: [k], allowedModels: " + models + "}]\n", "tenants[0]." + path, problem);
  }

  @Test
  void rejects_a_suspended_flag_that_is_not_a_boolean() {
    yaml.assertFails("tenants: [{id: ops, keys: [k], suspended: maybe}]\n", "tenants[0].suspended",
        "expected true or false, got \"maybe\"");
  }

  @Test
  void rejects_a_malformed_disabled_key_hash_without_echoing_it() {
    yaml.assertFails("tenants: [{id: ops, keys: [k], disabledKeySha256: [sk-old-plain-key]}]\n",
        "tenants[0].disabledKeySha256[0]", "expected 64 hex characters (the SHA-256 of a key), got 16 characters");
  }

  @Test
  void rejects_a_key_that_is_both_enabled_and_disabled() {
    yaml.assertFails("tenants: [{id: ops, keySha256: [%s], disabledKeySha256: [%s]}]\n".formatted(HASH_A, HASH_A),
        "tenants[0].disabledKeySha256[0]", "the same key is already configured for tenant \"ops\"");
  }

  @Test
  void rejects_a_disabled_key_of_another_tenant() {
    yaml.assertFails(
        "tenants: [{id: a, keys: [shared]}, {id: b, keys: [k], disabledKeySha256: [%s]}]\n"
            .formatted(ApiKeyHash.sha256Hex("shared")),
        "tenants[1].disabledKeySha256[0]", "the same key is already configured for tenant \"a\"");
  }

  @Test
  void rejects_an_unknown_tenant_field_listing_the_known_ones() {
    yaml.assertFails("tenants: [{id: ops, keys: [k], quota: 5}]\n", "tenants[0].quota",
        "unknown key; expected one of id, keys, keySha256, disabledKeySha256, suspended, allowedModels, limits,"
            + " budgets, agents, responseScript");
  }

  @Test
  void reads_the_response_script_of_a_tenant() {
    GatewayConfig config = yaml.load("tenants: [{id: tw, keys: [k1], responseScript: match}, {id: cn, keys: [k2]}]\n")
        .config();

    assertThat(config.tenants().get(0).responseScript()).isEqualTo(ResponseScript.MATCH);
    assertThat(config.tenants().get(1).responseScript()).isEqualTo(ResponseScript.OFF);
  }

  @Test
  void rejects_an_unknown_response_script() {
    yaml.assertFails("tenants: [{id: tw, keys: [k1], responseScript: traditional}]\n", "tenants[0].responseScript",
        "expected match or off, got \"traditional\"");
  }

  @Test
  void reads_the_reload_interval_with_a_default_of_five_seconds() {
    assertThat(yaml.load("server: {reloadInterval: 250ms}\n").config().server().reloadInterval())
        .isEqualTo(Duration.ofMillis(250));
    assertThat(yaml.load("server: {}\n").config().server().reloadInterval()).isEqualTo(Duration.ofSeconds(5));
    yaml.assertFails("server: {reloadInterval: 0s}\n", "server.reloadInterval", "must be greater than zero, got \"0s\"");
  }
}
