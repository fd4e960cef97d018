package com.mas.gateway.provider;

/**
 * Lets the side that owns the client connection stop an upstream attempt at any point: before
 * the request is sent, while waiting for headers, or mid-stream. Single event loop; not
 * thread-safe by design.
 */
public final class Cancellation {

  private Runnable action;
  private boolean cancelled;

  /** Runs {@code onCancel} when cancelled (at once if already cancelled); replaces any earlier one. */
  public void onCancel(Runnable onCancel) {
    this.action = onCancel;
    if (cancelled) {
      onCancel.run();
    }
  }

  public void cancel() {
    if (!cancelled) {
      cancelled = true;
      if (action != null) {
        action.run();
      }
    }
  }

  public boolean cancelled() {
    return cancelled;
  }
}
