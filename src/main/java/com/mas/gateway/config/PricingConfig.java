package com.mas.gateway.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * The price table, the time zone budgets count days and months in, and how budget reservations
 * and alerts behave.
 *
 * @param models prices by upstream model id, or by {@code provider/model} (which wins)
 * @param budgetZone the zone in which a budget day and month begin
 * @param holdFor how long a budget reservation lives when nobody settles it (an instance that
 *     died mid-request); longer than the longest stream, or a stream still running when it
 *     expires stops counting against the budget until it is charged
 * @param alerts where budget alerts go besides the log and the metric
 */
public record PricingConfig(Map<String, ModelPricing> models, ZoneId budgetZone, Duration holdFor, AlertConfig alerts) {

  public static final Duration DEFAULT_HOLD = Duration.ofMinutes(15);
  public static final PricingConfig NONE = new PricingConfig(Map.of(), ZoneId.of("UTC"));

  /** Prices with the default reservation lifetime and no webhook. */
  public PricingConfig(Map<String, ModelPricing> models, ZoneId budgetZone) {
    this(models, budgetZone, DEFAULT_HOLD, AlertConfig.NONE);
  }

  public PricingConfig {
    models = Map.copyOf(models);
    budgetZone = budgetZone == null ? ZoneId.of("UTC") : budgetZone;
    holdFor = holdFor == null ? DEFAULT_HOLD : holdFor;
    alerts = alerts == null ? AlertConfig.NONE : alerts;
  }
}
