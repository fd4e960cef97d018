package com.mas.gateway.auth;

import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.config.TenantConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a reloaded configuration changed, for {@link TenantReloader}'s log lines. */
final class ConfigSections {

  private ConfigSections() {}

  /**
   * The sections of {@code reloaded} that differ from {@code running}, other than tenants. Every
   * component of {@link GatewayConfig} is compared, so a section added later is covered too.
   */
  static List<String> changedBesidesTenants(GatewayConfig running, GatewayConfig reloaded) {
    List<String> changed = new ArrayList<>();
    for (RecordComponent component : GatewayConfig.class.getRecordComponents()) {
      if (!component.getName().equals("tenants")
          && !Objects.equals(value(component, running), value(component, reloaded))) {
        changed.add(component.getName());
      }
    }
    return changed;
  }

  /** Tenant ids added, removed and changed, e.g. {@code 3 tenants; added [b]; changed [a]}. */
  static String tenantChanges(List<TenantConfig> before, List<TenantConfig> after) {
    Map<String, TenantConfig> old = byId(before);
    Map<String, TenantConfig> now = byId(after);
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    now.forEach((id, tenant) -> {
      if (!old.containsKey(id)) {
        added.add(id);
      } else if (!old.get(id).equals(tenant)) {
        changed.add(id);
      }
    });
    List<String> removed = old.keySet().stream().filter(id -> !now.containsKey(id)).toList();
    return after.size() + " tenants; added " + added + "; removed " + removed + "; changed " + changed;
  }

  private static Map<String, TenantConfig> byId(List<TenantConfig> tenants) {
    Map<String, TenantConfig> map = new LinkedHashMap<>();
    tenants.forEach(t -> map.put(t.id(), t));
    return map;
  }

  private static Object value(RecordComponent component, GatewayConfig config) {
    try {
      return component.getAccessor().invoke(config);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }
}
