package com.mas.gateway.resilience;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.routing.Target;

/** What the dispatcher tells routing about each attempt: the input of latency and exhaustion scores. */
public interface AttemptFeedback {

  /** Routing that learns nothing. */
  AttemptFeedback NONE = new AttemptFeedback() {
    @Override
    public void succeeded(Target target, long firstEventNanos) {}

    @Override
    public void failed(Target target, GatewayException failure) {}
  };

  /** The attempt's answer started; {@code firstEventNanos} from sending to its first event. */
  void succeeded(Target target, long firstEventNanos);

  /**
   * The attempt failed before its answer started (or its stream broke). A 429's
   * {@code retry-after} marks the target exhausted until then.
   */
  void failed(Target target, GatewayException failure);
}
