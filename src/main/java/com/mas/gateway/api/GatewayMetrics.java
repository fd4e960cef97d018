package com.mas.gateway.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
  /** The gateway's own time on a request's way to the first token, by {@link #TAG_PART}. */
  public static final String OVERHEAD = "mas_gateway_overhead";
  public static final String TAG_PART = "part";

  private final Timer requestOverhead;
  private final Timer firstEventOverhead;

  private final MeterRegistry registry;
  private final AtomicInteger activeStreams = new AtomicInteger();
  // meters by tag value, looked up once: building and registering a meter per request allocates
  private final Map<String, Map<String, Counter>> requests = new ConcurrentHashMap<>();
  private final Map<String, Timer> firstEvents = new ConcurrentHashMap<>();

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(ACTIVE_STREAMS, activeStreams, AtomicInteger::get)
        .description("Requests currently being answered (streaming or not)")
        .register(registry);
    requestOverhead = overheadTimer(registry, "request",
        "From the whole request read to its upstream request handed to the connection pool");
    firstEventOverhead = overheadTimer(registry, "first_event",
        "From the upstream bytes that carry the first event read to the first event written to the client");
  }

  private static Timer overheadTimer(MeterRegistry registry, String part, String description) {
    return Timer.builder(OVERHEAD).tag(TAG_PART, part).description(description)
        .publishPercentiles(0.5, 0.9, 0.99).publishPercentileHistogram(false)
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
    requests(provider, outcome).increment();
  }

  private Counter requests(String provider, String outcome) {
    return requests.computeIfAbsent(provider, p -> new ConcurrentHashMap<>()).computeIfAbsent(outcome,
        o -> Counter.builder(REQUESTS).tag(TAG_PROVIDER, provider).tag(TAG_OUTCOME, o).register(registry));
  }

  /** A request that failed; tagged by status so the tag set stays small. */
  void rejected(Throwable failure) {
    int status = failure instanceof GatewayException e ? e.status() : 500;
    requests("none", "status_" + status).increment();
  }

  /** The gateway's own time before the first upstream attempt went out, in nanoseconds. */
  void requestOverhead(long nanos) {
    requestOverhead.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The gateway's own time between the first event's upstream read and its write to the client. */
  void firstEventOverhead(long nanos) {
    firstEventOverhead.record(nanos, TimeUnit.NANOSECONDS);
  }

  void firstEvent(String provider, Duration sinceAccepted) {
    firstEvents.computeIfAbsent(provider, p -> Timer.builder(TIME_TO_FIRST_EVENT).tag(TAG_PROVIDER, p)
        .register(registry)).record(sinceAccepted);
  }

  public MeterRegistry registry() {
    return registry;
  }
}
