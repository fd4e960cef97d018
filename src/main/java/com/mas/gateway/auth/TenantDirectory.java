package com.mas.gateway.auth;

import com.mas.gateway.config.ApiKeyHash;
import com.mas.gateway.config.TenantConfig;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Finds the tenant an API key belongs to. Only SHA-256 hashes of keys are held; a presented key
 * is hashed and compared with every stored hash in constant time, so neither the match nor its
 * position leaks through timing.
 */
public final class TenantDirectory {

  private record Entry(byte[] hash, Tenant tenant) {}

  private final List<Entry> entries;

  public TenantDirectory(List<TenantConfig> tenants) {
    List<Entry> list = new ArrayList<>();
    for (TenantConfig tenant : tenants) {
      for (String hex : tenant.keySha256()) {
        list.add(new Entry(HexFormat.of().parseHex(hex), new Tenant(tenant)));
      }
    }
    this.entries = List.copyOf(list);
  }

  /** The tenant owning {@code apiKey}, if any. */
  public Optional<Tenant> find(String apiKey) {
    byte[] presented = sha256(apiKey);
    Tenant found = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(entry.hash(), presented) && found == null) {
        found = entry.tenant();
      }
    }
    return Optional.ofNullable(found);
  }

  private static byte[] sha256(String key) {
    return HexFormat.of().parseHex(ApiKeyHash.sha256Hex(key));
  }
}
