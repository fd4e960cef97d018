package com.mas.gateway.auth;

import com.mas.gateway.config.TenantConfig;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tenants in force: one per gateway process, shared by every event loop. It holds an
 * immutable snapshot (the tenants and the {@link TenantDirectory} built from them) behind an
 * {@link AtomicReference}; {@link #replace} swaps the whole snapshot at once, so a request sees
 * either the old tenants or the new ones, never a mixture. A request that already authenticated
 * keeps the {@link Tenant} it was given: a reload never touches a stream in flight.
 */
public final class TenantRegistry {

  private record Snapshot(List<TenantConfig> tenants, TenantDirectory directory) {}

  private final AtomicReference<Snapshot> current = new AtomicReference<>();

  public TenantRegistry(List<TenantConfig> tenants) {
    replace(tenants);
  }

  /** The directory new requests authenticate against. Safe from any thread. */
  public TenantDirectory directory() {
    return current.get().directory();
  }

  /** The tenant configurations in force. */
  public List<TenantConfig> tenants() {
    return current.get().tenants();
  }

  /** Puts {@code tenants} in force for every request that authenticates from now on. */
  public void replace(List<TenantConfig> tenants) {
    List<TenantConfig> copy = List.copyOf(tenants);
    current.set(new Snapshot(copy, new TenantDirectory(copy)));
  }
}
