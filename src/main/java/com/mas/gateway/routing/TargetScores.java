package com.mas.gateway.routing;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.resilience.AttemptFeedback;
import com.mas.gateway.resilience.Failures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What routing learns from the attempts the dispatcher reports: per target, the moving average of
 * the time to first event, the error rate, and until when a rate limit (an upstream 429, with its
 * {@code retry-after}) takes it out of first place. Thread-safe without locks: any event loop
 * reports, any event loop reads while deciding.
 *
 * <p>An open breaker's refusal ({@link Failures#CIRCUIT_OPEN}) is no attempt and is ignored; a
 * client's own mistake (a 400) counts as an attempt but not as an error.
 */
public final class TargetScores implements AttemptFeedback {

  /** What an error rate of 1 adds to a least-latency score: an error costs as much as a 2 s wait. */
  static final double ERROR_PENALTY_MILLIS = 2_000;

  private final ConcurrentHashMap<Target, TargetScore> scores = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  /** {@code clock} gives the epoch milliseconds; tests pass their own. */
  public TargetScores(LongSupplier clock) {
    this.clock = clock;
  }

  /** Lists {@code targets} in the report before they have seen traffic. */
  void register(Collection<Target> targets) {
    targets.forEach(this::score);
  }

  @Override
  public void succeeded(Target target, long firstEventNanos) {
    score(target).answered(firstEventNanos / 1e6);
  }

  @Override
  public void failed(Target target, GatewayException failure) {
    if (Failures.CIRCUIT_OPEN.equals(failure.code())) {
      return;
    }
    TargetScore score = score(target);
    if (failure.status() == 429) {
      long now = clock.getAsLong();
      score.exhaust(now + RetryAfter.millis(failure.headers(), now));
    } else if (Failures.retryable(failure)) {
      score.errored();
    } else {
      score.refused();
    }
  }

  /** True while a rate limit the target reported has not reset. */
  public boolean exhausted(Target target) {
    TargetScore score = scores.get(target);
    return score != null && score.exhaustedAt(clock.getAsLong());
  }

  /**
   * The least-latency score, lower is better: the moving average of the time to first event plus
   * {@link #ERROR_PENALTY_MILLIS} times the error rate; 0 for a target without answers yet, so
   * that a new target is tried soon.
   */
  double latencyScore(Target target) {
    TargetScore score = scores.get(target);
    if (score == null) {
      return 0;
    }
    double latency = score.latencyMillis();
    return (Double.isNaN(latency) ? 0 : latency) + ERROR_PENALTY_MILLIS * score.errorRate();
  }

  /** The figures of one target (zeros and NaN when nothing was reported). */
  public TargetFigures figures(Target target) {
    TargetScore score = scores.get(target); // reading figures must not start keeping a score
    return (score == null ? new TargetScore() : score).figures(target, clock.getAsLong());
  }

  /** The figures of every target reported or configured, for the admin API. */
  public List<TargetFigures> figures() {
    long now = clock.getAsLong();
    List<TargetFigures> figures = new ArrayList<>(scores.size());
    scores.forEach((target, score) -> figures.add(score.figures(target, now)));
    figures.sort((a, b) -> (a.target().provider() + "/" + a.target().model())
        .compareTo(b.target().provider() + "/" + b.target().model()));
    return figures;
  }

  long now() {
    return clock.getAsLong();
  }

  TargetScore score(Target target) {
    return scores.computeIfAbsent(target, t -> new TargetScore());
  }
}
