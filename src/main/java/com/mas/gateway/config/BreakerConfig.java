package com.mas.gateway.config;

import java.time.Duration;

/**
 * The circuit breakers around upstream attempts, one per provider/model target.
 *
 * @param enabled false runs every attempt unguarded
 * @param consecutiveFailures this many failures in a row open the breaker
 * @param failureRatio at least this share of failed attempts in {@code ratioWindow} opens it ...
 * @param ratioMinRequests ... once the window holds at least this many attempts
 * @param ratioWindow how far back the failure ratio looks
 * @param openBase how long the first opening lasts before its trial
 * @param openFactor each further opening without a success in between lasts this many times longer ...
 * @param openMax ... up to this
 * @param probe how the trial is made when it is due: a real cheap request, or the next client request
 */
public record BreakerConfig(
    boolean enabled,
    int consecutiveFailures,
    double failureRatio,
    int ratioMinRequests,
    Duration ratioWindow,
    Duration openBase,
    double openFactor,
    Duration openMax,
    ProbeKind probe) {

  public static final BreakerConfig DEFAULT = new BreakerConfig(true, 5, 0.5, 20, Duration.ofSeconds(30),
      Duration.ofSeconds(5), 2.0, Duration.ofMinutes(5), ProbeKind.MODELS);

  /** No breakers: every attempt is sent, however many failed before. */
  public static final BreakerConfig DISABLED = new BreakerConfig(false, 5, 0.5, 20, Duration.ofSeconds(30),
      Duration.ofSeconds(5), 2.0, Duration.ofMinutes(5), ProbeKind.NONE);

  public BreakerConfig {
    if (consecutiveFailures < 1 || ratioMinRequests < 1) {
      throw new IllegalArgumentException("failure thresholds must be at least 1");
    }
    if (!(failureRatio > 0 && failureRatio <= 1) || !(openFactor >= 1)) {
      throw new IllegalArgumentException("failureRatio must be in (0, 1] and openFactor at least 1");
    }
    if (openMax.compareTo(openBase) < 0) {
      throw new IllegalArgumentException("openMax must not be shorter than openBase");
    }
  }

  /** How long the {@code openings}-th opening in a row lasts: base × factor^(openings-1), at most max. */
  public Duration openDuration(int openings) {
    double millis = openBase.toMillis() * Math.pow(openFactor, Math.max(0, openings - 1));
    return millis >= openMax.toMillis() ? openMax : Duration.ofMillis((long) millis);
  }
}
