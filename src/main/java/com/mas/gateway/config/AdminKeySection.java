package com.mas.gateway.config;

import java.util.Map;

/**
 * Reads {@code server.adminKey}: a plain key (hashed here, then dropped), or a mapping naming
 * the key's holder for the audit log:
 *
 * <pre>
 * server:
 *   adminKey: ${ADMIN_KEY:-}          # empty = admin API disabled
 *   # or
 *   adminKey: {name: ops-team, keySha256: 9f86d0...}   # or key: ${ADMIN_KEY}
 * </pre>
 *
 * Without the field the key is {@code ADMIN_KEY} when set, so zero-config mode has one too.
 */
final class AdminKeySection {

  static final String VARIABLE = "ADMIN_KEY";

  private AdminKeySection() {}

  static AdminKey read(ConfigNode node, Map<String, String> env) {
    if (!node.isPresent()) {
      return fromEnvironment(env);
    }
    if (!node.isMapping()) {
      return plain(node.secretText(), AdminKey.NONE.name());
    }
    node.mapping("name", "key", "keySha256");
    String name = node.get("name").isPresent() ? node.get("name").identifier() : AdminKey.NONE.name();
    ConfigNode key = node.get("key");
    ConfigNode hash = node.get("keySha256");
    if (key.isPresent() == hash.isPresent()) {
      throw node.error("give exactly one of key and keySha256");
    }
    return key.isPresent() ? plain(key.secretText(), name) : new AdminKey(name, TenantSection.checkedHash(hash));
  }

  static AdminKey fromEnvironment(Map<String, String> env) {
    return plain(env.getOrDefault(VARIABLE, ""), AdminKey.NONE.name());
  }

  /** An empty key comes from {@code ${ADMIN_KEY:-}} with the variable unset: no key then. */
  private static AdminKey plain(String key, String name) {
    return key.isEmpty() ? AdminKey.NONE : new AdminKey(name, ApiKeyHash.sha256Hex(key));
  }
}
