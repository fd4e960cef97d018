package com.mas.gateway.config;

import java.time.ZoneId;
import java.util.Map;

/**
 * The price table and the time zone budgets count days and months in.
 *
 * @param models prices by upstream model id, or by {@code provider/model} (which wins)
 * @param budgetZone the zone in which a budget day and month begin
 */
public record PricingConfig(Map<String, ModelPricing> models, ZoneId budgetZone) {

  public static final PricingConfig NONE = new PricingConfig(Map.of(), ZoneId.of("UTC"));

  public PricingConfig {
    models = Map.copyOf(models);
  }
}
