package com.mas.gateway.loadgen;

/** A latency distribution as reported, all values in milliseconds. */
record Percentiles(long count, double p50, double p90, double p99, double max, double mean) {}
