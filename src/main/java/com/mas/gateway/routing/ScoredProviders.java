package com.mas.gateway.routing;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.provider.Provider;
import com.mas.gateway.provider.UpstreamCall;
import com.mas.gateway.provider.UpstreamResponse;
import com.mas.gateway.resilience.AttemptFeedback;
import io.vertx.core.Future;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports every upstream call to routing's scores: the time until the answer's headers as its
 * latency (for a whole answer, the time until it was ready), and its failure. A stand-in until
 * the failover dispatcher reports each attempt itself, with the time to its first event; from
 * then on this wrapper must go, or attempts count twice.
 */
public final class ScoredProviders {

  private ScoredProviders() {}

  /** {@code providers} with each call reported to {@code feedback}. */
  public static Map<String, Provider> wrap(Map<String, Provider> providers, AttemptFeedback feedback) {
    Map<String, Provider> wrapped = new LinkedHashMap<>();
    providers.forEach((name, provider) -> wrapped.put(name, new Scored(provider, feedback)));
    return Collections.unmodifiableMap(wrapped);
  }

  private record Scored(Provider provider, AttemptFeedback feedback) implements Provider {

    @Override
    public String name() {
      return provider.name();
    }

    @Override
    public Future<UpstreamResponse> send(UpstreamCall call) {
      Target target = new Target(provider.name(), call.model());
      long start = System.nanoTime();
      return provider.send(call)
          .onSuccess(response -> feedback.succeeded(target, System.nanoTime() - start))
          .onFailure(failure -> {
            if (failure instanceof GatewayException refusal) {
              feedback.failed(target, refusal);
            }
          });
    }

    @Override
    public Future<Void> probe(com.mas.gateway.config.ProbeKind kind, String model) {
      return provider.probe(kind, model);
    }

    @Override
    public Future<Void> close() {
      return provider.close();
    }
  }
}
