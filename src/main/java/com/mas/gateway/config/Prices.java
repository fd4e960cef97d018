package com.mas.gateway.config;

/**
 * Prices of one model in micro-dollars per million tokens (USD 3.00 per million = 3,000,000).
 *
 * @param input plain input tokens
 * @param output output tokens, reasoning included
 * @param cachedInput input tokens read from a prompt cache
 * @param cacheWrite input tokens written to a prompt cache
 */
public record Prices(long input, long output, long cachedInput, long cacheWrite) {}
