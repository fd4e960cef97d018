package com.mas.gateway.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data path's own meters. Names and tag keys are constants; tags stay low-cardinality
 * (provider and outcome). Shared by every gateway event loop, so everything here is thread-safe.
 */
public final class GatewayMetrics {

  public static final String REQUESTS = "mas_gateway_requests";
  public static final String ACTIVE_STREAMS = "mas_gateway_streams_active";
  public static final String TIME_TO_FIRST_EVENT = "mas_gateway_upstream_first_event";
  public static final String TAG_PROVIDER = "provider";
  public static final String TAG_OUTCOME = "outcome";

  private final MeterRegistry registry;
  private final AtomicInteger activeStreams = new AtomicInteger();

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(ACTIVE_STREAMS, activeStreams, AtomicInteger::get)
        .description("Requests currently being answered (streaming or not)")
        .register(registry);
  }

  /** Requests in flight between dispatch and their last byte. */
  public int activeStreams() {
    return activeStreams.get();
  }

  void streamStarted() {
    activeStreams.incrementAndGet();
  }

  void streamEnded(String provider, String outcome) {
    activeStreams.decrementAndGet();
    Counter.builder(REQUESTS).tag(TAG_PROVIDER, provider).tag(TAG_OUTCOME, outcome).register(registry).increment();
  }

  /** A request that failed; tagged by status so the tag set stays small. */
  void rejected(Throwable failure) {
    int status = failure instanceof GatewayException e ? e.status() : 500;
    Counter.builder(REQUESTS).tag(TAG_PROVIDER, "none").tag(TAG_OUTCOME, "status_" + status).register(registry)
        .increment();
  }

  void firstEvent(String provider, Duration sinceAccepted) {
    Timer.builder(TIME_TO_FIRST_EVENT).tag(TAG_PROVIDER, provider).register(registry).record(sinceAccepted);
  }

  public MeterRegistry registry() {
    return registry;
  }
}
