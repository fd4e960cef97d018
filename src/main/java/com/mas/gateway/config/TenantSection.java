package com.mas.gateway.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads tenants and their keys. Plain {@code keys} are hashed here and dropped; only SHA-256 hashes
 * leave this class. {@code disabledKeySha256} lists keys that are still recognised but refused
 * (403 rather than 401); every key, enabled or disabled, belongs to exactly one tenant. What a
 * tenant may do ({@code suspended}, {@code allowedModels}, {@code limits}, {@code budgets}, {@code
 * agents}) is read by {@link TenantRules}. Without a {@code tenants} section there is one tenant,
 * {@code default}, whose key is {@code GATEWAY_API_KEY}, or a freshly generated key when that
 * variable is unset or empty.
 */
final class TenantSection {

  /** The tenants, and the plain key generated for {@code default} if one was. */
  record Tenants(List<TenantConfig> tenants, Optional<String> generatedKey) {}

  static final String DEFAULT_TENANT = "default";

  private TenantSection() {}

  /** The {@code tenants} section, or the default tenant when the section is absent. */
  static Tenants read(ConfigNode section, Map<String, String> env) {
    if (!section.isPresent()) {
      return fromEnvironment(env);
    }
    List<ConfigNode> elements = section.elements();
    if (elements.isEmpty()) {
      throw section.error(
          "at least one tenant is required; omit the section to use GATEWAY_API_KEY");
    }
    Map<String, String> ownerByHash = new HashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    List<TenantConfig> tenants = new ArrayList<>();
    for (ConfigNode element : elements) {
      TenantConfig tenant = tenant(element, ownerByHash);
      if (!ids.add(tenant.id())) {
        throw element.get("id").error("duplicate tenant id " + Scalars.quote(tenant.id()));
      }
      tenants.add(tenant);
    }
    return new Tenants(tenants, Optional.empty());
  }

  /** Tenant {@code default} keyed by {@code GATEWAY_API_KEY}, or by a generated key. */
  static Tenants fromEnvironment(Map<String, String> env) {
    String key = env.get("GATEWAY_API_KEY");
    Optional<String> generated =
        key == null || key.isEmpty() ? Optional.of(ApiKeyHash.generateKey()) : Optional.empty();
    String hash = ApiKeyHash.sha256Hex(generated.orElse(key));
    return new Tenants(List.of(new TenantConfig(DEFAULT_TENANT, List.of(hash))), generated);
  }

  private static TenantConfig tenant(ConfigNode node, Map<String, String> ownerByHash) {
    node.mapping("id", "keys", "keySha256", "disabledKeySha256", "suspended", "allowedModels", "limits",
        "budgets", "agents", "responseScript");
    String id = node.get("id").identifier();
    Set<String> hashes = new LinkedHashSet<>();
    for (ConfigNode key : node.get("keys").elements()) {
      // An empty key comes from ${VAR:-} with VAR unset: that key is simply not configured.
      String plain = key.secretText();
      if (!plain.isEmpty()) {
        claim(ApiKeyHash.sha256Hex(plain), key, id, ownerByHash, hashes);
      }
    }
    for (ConfigNode hash : node.get("keySha256").elements()) {
      claim(checkedHash(hash), hash, id, ownerByHash, hashes);
    }
    Set<String> disabled = new LinkedHashSet<>();
    for (ConfigNode hash : node.get("disabledKeySha256").elements()) {
      claim(checkedHash(hash), hash, id, ownerByHash, disabled);
    }
    if (hashes.isEmpty() && disabled.isEmpty()) {
      String problem =
          " has no key: keys and keySha256 are empty after resolving environment variables";
      throw node.error("tenant " + Scalars.quote(id) + problem);
    }
    TenantRules.AgentRules agents = TenantRules.agents(node.get("agents"));
    return new TenantConfig(
        id,
        List.copyOf(hashes),
        List.copyOf(disabled),
        node.get("suspended").bool(false),
        TenantRules.allowedModels(node.get("allowedModels")),
        TenantRules.limits(node.get("limits")),
        agents.limits(),
        TenantRules.budgets(node.get("budgets")),
        agents.budgets(),
        ResponseScript.read(node.get("responseScript"), ResponseScript.OFF));
  }

  /** Not echoed when wrong: a plain key pasted here by mistake must not reach the logs. */
  static String checkedHash(ConfigNode node) {
    String value = node.secretText();
    if (!ApiKeyHash.isSha256Hex(value)) {
      String got = value.length() == 64 ? "a non-hex character" : value.length() + " characters";
      throw node.error("expected 64 hex characters (the SHA-256 of a key), got " + got);
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** A key authenticates exactly one tenant. */
  private static void claim(
      String hash,
      ConfigNode node,
      String tenant,
      Map<String, String> ownerByHash,
      Set<String> hashes) {
    String owner = ownerByHash.putIfAbsent(hash, tenant);
    if (owner != null) {
      throw node.error("the same key is already configured for tenant " + Scalars.quote(owner));
    }
    hashes.add(hash);
  }
}
