package com.mas.gateway.config;

import java.util.List;

/**
 * Spending budgets of one tenant, or of one agent type within a tenant, in integer
 * micro-dollars (1 USD = 1,000,000). Zero means no budget for that period.
 *
 * @param dailyMicros spend allowed per day (in the budget time zone)
 * @param monthlyMicros spend allowed per calendar month
 * @param alertPercents thresholds, in percent of a budget, at which an alert fires once per
 *     period (default 50, 80, 100)
 */
public record BudgetConfig(long dailyMicros, long monthlyMicros, List<Integer> alertPercents) {

  public static final List<Integer> DEFAULT_ALERTS = List.of(50, 80, 100);
  public static final BudgetConfig NONE = new BudgetConfig(0, 0, DEFAULT_ALERTS);

  public BudgetConfig {
    alertPercents = alertPercents == null ? DEFAULT_ALERTS : List.copyOf(alertPercents);
  }

  public boolean isEmpty() {
    return dailyMicros == 0 && monthlyMicros == 0;
  }
}
