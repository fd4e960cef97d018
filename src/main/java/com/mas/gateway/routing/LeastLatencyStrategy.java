package com.mas.gateway.routing;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fastest target first, by {@link TargetScores#latencyScore} (time to first event, penalised
 * by errors). Targets whose scores are within {@value #BAND_RATIO}x plus {@value #BAND_MILLIS} ms
 * of the best count as equally fast and take turns, so sub-millisecond noise does not herd all
 * traffic onto one provider. One decision in {@value #EXPLORE_EVERY} puts a slower target first
 * instead (in turn), so a provider that recovered is measured again and wins its traffic back.
 */
final class LeastLatencyStrategy implements Strategy {

  static final double BAND_RATIO = 1.2;
  static final double BAND_MILLIS = 5;
  static final int EXPLORE_EVERY = 20;

  private final TargetScores scores;
  private final AtomicLong decisions = new AtomicLong();

  LeastLatencyStrategy(TargetScores scores) {
    this.scores = scores;
  }

  @Override
  public void order(List<Target> targets, RouteRequest request) {
    int count = targets.size();
    if (count < 2) {
      return;
    }
    double[] score = new double[count];
    for (int i = 0; i < count; i++) {
      score[i] = scores.latencyScore(targets.get(i));
    }
    Strategy.sortByKey(targets, score);
    int band = 1;
    while (band < count && score[band] <= score[0] * BAND_RATIO + BAND_MILLIS) {
      band++;
    }
    long decision = decisions.getAndIncrement();
    if (band < count && decision % EXPLORE_EVERY == EXPLORE_EVERY - 1) {
      targets.add(0, targets.remove(band + (int) (decision / EXPLORE_EVERY % (count - band))));
    } else if (band > 1) {
      targets.add(0, targets.remove((int) (decision % band)));
    }
  }
}
