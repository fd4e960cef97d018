package com.mas.gateway.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The simulator's record of requests, in arrival order. Any thread may read it; each request's
 * entry is updated from the event loop serving that request. It keeps at most
 * {@link #MAX_OBSERVATIONS} entries and forgets the oldest beyond that, so a long load test
 * cannot exhaust memory.
 */
final class ObservationLog {

  /** The most observations kept; older ones are dropped first. */
  static final int MAX_OBSERVATIONS = 10_000;

  private final Queue<AtomicReference<Observation>> inOrder = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicReference<Observation>> byRequestId = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();

  /** Adds a new entry and returns the handle its request updates. */
  Entry add(Observation first) {
    AtomicReference<Observation> slot = new AtomicReference<>(first);
    inOrder.add(slot);
    byRequestId.put(first.requestId(), slot);
    if (size.incrementAndGet() > MAX_OBSERVATIONS) {
      dropOldest();
    }
    return new Entry(slot);
  }

  List<Observation> snapshot() {
    List<Observation> copy = new ArrayList<>();
    for (AtomicReference<Observation> slot : inOrder) {
      copy.add(slot.get());
    }
    return List.copyOf(copy);
  }

  /** The latest request that arrived with this id. */
  Optional<Observation> find(String requestId) {
    return Optional.ofNullable(byRequestId.get(requestId)).map(AtomicReference::get);
  }

  void clear() {
    AtomicReference<Observation> slot;
    while ((slot = inOrder.poll()) != null) {
      forget(slot);
    }
  }

  private void dropOldest() {
    AtomicReference<Observation> oldest = inOrder.poll();
    if (oldest != null) {
      forget(oldest);
    }
  }

  private void forget(AtomicReference<Observation> slot) {
    size.decrementAndGet();
    byRequestId.remove(slot.get().requestId(), slot);
  }

  /** One request's entry; updates replace the record atomically. */
  static final class Entry {
    private final AtomicReference<Observation> slot;

    private Entry(AtomicReference<Observation> slot) {
      this.slot = slot;
    }

    Observation current() {
      return slot.get();
    }

    void update(UnaryOperator<Observation> change) {
      slot.updateAndGet(change);
    }
  }
}
