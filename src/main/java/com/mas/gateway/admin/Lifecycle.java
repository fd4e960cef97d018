package com.mas.gateway.admin;

/**
 * Whether this instance should receive traffic. Starting and draining instances are alive but
 * not ready, so a load balancer stops sending them requests while streams in flight finish.
 */
public final class Lifecycle {

  /** The phases, in order. */
  public enum Phase { STARTING, READY, DRAINING }

  private volatile Phase phase = Phase.STARTING;

  public Phase phase() {
    return phase;
  }

  public boolean ready() {
    return phase == Phase.READY;
  }

  public void markReady() {
    if (phase == Phase.STARTING) {
      phase = Phase.READY;
    }
  }

  public void markDraining() {
    phase = Phase.DRAINING;
  }
}
