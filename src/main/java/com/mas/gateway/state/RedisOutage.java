package com.mas.gateway.state;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis answers, as one component (the rate limits, the budgets) sees it, with its log lines and
 * meters. After a failure Redis counts as down: requests skip it (no timeout to wait for) except
 * one every {@code retryEvery}, which tries it again; the first that succeeds ends the outage.
 * Logs once when an outage starts, at most every 30 s while it lasts, once when it ends; the
 * password in the URL never appears. Thread-safe.
 *
 * <p>Meters: {@value #FALLBACKS} (a counter, exported as {@code mas_gateway_redis_fallback_total},
 * one per request decided without Redis) and {@value #AVAILABLE} (a gauge, 1 while Redis
 * answers, 0 during an outage), both tagged {@value #TAG_COMPONENT}.
 */
public final class RedisOutage {

  public static final String FALLBACKS = "mas_gateway_redis_fallback";
  public static final String AVAILABLE = "mas_gateway_redis_available";
  public static final String TAG_COMPONENT = "component";

  private static final Logger LOG = LoggerFactory.getLogger(RedisOutage.class);
  private static final Duration STILL_DOWN_LOG = Duration.ofSeconds(30);

  private final String component;
  private final String url;
  private final String policy;
  private final long retryNanos;
  private final Counter fallbacks;
  private final AtomicLong nextTry = new AtomicLong();
  private final LogThrottle stillDown = new LogThrottle(STILL_DOWN_LOG);
  private volatile boolean down;
  private long downSince;
  private double fallbacksAtStart;

  /**
   * @param component what uses Redis, the meters' tag: {@code limits}, {@code budgets}
   * @param policy what happens meanwhile, for the log line
   */
  public RedisOutage(String component, String redactedUrl, String policy, Duration retryEvery, MeterRegistry registry) {
    this.component = component;
    this.url = redactedUrl;
    this.policy = policy;
    this.retryNanos = retryEvery.toNanos();
    this.fallbacks = Counter.builder(FALLBACKS).tag(TAG_COMPONENT, component)
        .description("Requests decided without Redis because it did not answer").register(registry);
    Gauge.builder(AVAILABLE, this, outage -> outage.down ? 0 : 1).tag(TAG_COMPONENT, component)
        .description("1 while Redis answers, 0 while it is down").register(registry);
  }

  /** True when this request should ask Redis: it is up, or it is this request's turn to retry. */
  public boolean tryRedis() {
    if (!down) {
      return true;
    }
    long now = System.nanoTime();
    long due = nextTry.get();
    return now - due >= 0 && nextTry.compareAndSet(due, now + retryNanos);
  }

  public boolean down() {
    return down;
  }

  /** Redis answered: ends an outage. True for the call that ended one, so its owner can catch up. */
  public boolean succeeded() {
    if (!down) {
      return false;
    }
    synchronized (this) {
      if (down) {
        down = false;
        LOG.info("Redis at {} answers again after {} s; {} are shared again ({} requests were decided without it)",
            url, Duration.ofNanos(System.nanoTime() - downSince).toSeconds(), component,
            (long) (fallbacks.count() - fallbacksAtStart));
        return true;
      }
    }
    return false;
  }

  /** Redis failed or did not answer in time: starts an outage, or pushes the next retry back. */
  public void failed(Throwable failure) {
    nextTry.set(System.nanoTime() + retryNanos);
    if (down) {
      return;
    }
    synchronized (this) {
      if (!down) {
        downSince = System.nanoTime();
        fallbacksAtStart = fallbacks.count();
        down = true;
        LOG.warn("Redis at {} does not answer for {} ({}); {} until it does", url, component,
            failure.getMessage(), policy);
      }
    }
  }

  /** One request decided without Redis. */
  public void fellBack() {
    fallbacks.increment();
    if (down && System.nanoTime() - downSince > STILL_DOWN_LOG.toNanos() && stillDown.allow()) {
      LOG.warn("Redis at {} still does not answer for {} after {} s; {}", url, component,
          Duration.ofNanos(System.nanoTime() - downSince).toSeconds(), policy);
    }
  }
}
