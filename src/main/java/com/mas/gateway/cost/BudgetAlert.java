package com.mas.gateway.cost;

/**
 * A budget threshold crossed for the first time in its period.
 *
 * @param tenant the tenant
 * @param period the budget
 * @param percent the threshold, in percent of the budget
 * @param spent spend of the period once the charge that crossed it was made
 */
record BudgetAlert(String tenant, BudgetPeriod period, int percent, long spent) {}
