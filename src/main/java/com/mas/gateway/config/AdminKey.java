package com.mas.gateway.config;

/**
 * The key that guards the admin API on the management port, kept like tenant keys: only its
 * SHA-256 (see {@link ApiKeyHash}). Without one the admin API is disabled.
 *
 * @param name who the key stands for in the audit log when a request names nobody else
 * @param sha256 the SHA-256 of the key as 64 lowercase hex characters, or null for no key
 */
public record AdminKey(String name, String sha256) {

  /** No key: the admin API answers 403 {@code admin_disabled}. */
  public static final AdminKey NONE = new AdminKey("admin", null);

  public AdminKey {
    name = name == null || name.isBlank() ? "admin" : name;
  }

  public boolean configured() {
    return sha256 != null;
  }

  @Override
  public String toString() {
    return "AdminKey[name=" + name + ", " + (configured() ? "configured" : "none") + "]";
  }
}
