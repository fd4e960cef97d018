package com.mas.gateway.resilience;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where a breaker's changes go so that other instances follow them, and where a starting instance
 * reads the changes made before it. {@link #LOCAL} shares nothing (no Redis configured).
 */
public interface BreakerSharing {

  /** Each instance's breakers work alone. */
  BreakerSharing LOCAL = new BreakerSharing() {
    @Override
    public void publish(BreakerView view) {}

    @Override
    public Future<List<BreakerView>> load() {
      return Future.succeededFuture(List.of());
    }
  };

  /** Stores and announces a change this instance made; never fails (a failure is logged and counted). */
  void publish(BreakerView view);

  /** The states stored now: the open breakers of every instance. */
  Future<List<BreakerView>> load();

  /** The channel other instances announce their changes on; null when nothing is shared. */
  default String channel() {
    return null;
  }

  /** The changes {@link #publish} could not share (Redis was down), forgotten as they are returned. */
  default List<BreakerView> drainUnshared() {
    return List.of();
  }

  /** A change another instance announced on {@link #channel()}, or null for one of this instance's own. */
  default BreakerView received(String message) {
    return null;
  }
}
