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
 * is hashed and compared with every stored hash, enabled or disabled, in constant time, so
 * neither the match, its position nor whether the key is disabled leaks through timing.
 * Immutable: a reload builds a new directory (see {@link TenantRegistry}).
 */
public final class TenantDirectory {

  /**
   * A recognised key.
   *
   * @param tenant the tenant the key belongs to
   * @param enabled false for a key listed in {@code disabledKeySha256}: known, but refused
   */
  public record KeyMatch(Tenant tenant, boolean enabled) {}

  private record Entry(byte[] hash, KeyMatch match) {}

  private final List<Entry> entries;

  public TenantDirectory(List<TenantConfig> tenants) {
    List<Entry> list = new ArrayList<>();
    for (TenantConfig config : tenants) {
      Tenant tenant = new Tenant(config);
      config.keySha256().forEach(hex -> list.add(entry(hex, new KeyMatch(tenant, true))));
      config.disabledKeySha256().forEach(hex -> list.add(entry(hex, new KeyMatch(tenant, false))));
    }
    this.entries = List.copyOf(list);
  }

  /** The tenant owning {@code apiKey} and whether the key is enabled; empty for an unknown key. */
  public Optional<KeyMatch> find(String apiKey) {
    byte[] presented = ApiKeyHash.sha256(apiKey);
    KeyMatch found = null;
    for (Entry entry : entries) {
      // Every entry is compared, even after a match: the time taken does not depend on the key.
      if (MessageDigest.isEqual(entry.hash(), presented) && found == null) {
        found = entry.match();
      }
    }
    return Optional.ofNullable(found);
  }

  private static Entry entry(String hex, KeyMatch match) {
    return new Entry(HexFormat.of().parseHex(hex), match);
  }
}
