package com.mas.gateway.routing;

import java.util.List;

/**
 * Orders a route's usable targets for one request, best first. Called on any event loop at once;
 * an implementation keeps only lock-free state.
 */
interface Strategy {

  /** The configured order: the first usable target answers. */
  Strategy PRIORITY = (targets, request) -> { };

  /**
   * Reorders {@code targets} in place. They are the route's healthy, unexhausted targets that can
   * serve the request, in configured order; at least one.
   */
  void order(List<Target> targets, RouteRequest request);

  /**
   * Sorts {@code targets} and their {@code keys} together by ascending key, keeping the configured
   * order among equal keys. Insertion sort: routes have a handful of targets.
   */
  static void sortByKey(List<Target> targets, double[] keys) {
    for (int i = 1; i < keys.length; i++) {
      for (int j = i; j > 0 && keys[j] < keys[j - 1]; j--) {
        double key = keys[j];
        keys[j] = keys[j - 1];
        keys[j - 1] = key;
        targets.set(j, targets.set(j - 1, targets.get(j)));
      }
    }
  }
}
