package com.mas.gateway.resilience;

import com.mas.gateway.config.ProbeKind;
import com.mas.gateway.provider.Provider;
import com.mas.gateway.provider.ProviderRegistry;
import com.mas.gateway.routing.Target;
import com.mas.gateway.state.RedisSubscriber;
import com.mas.gateway.state.SharedState;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's {@link SharedControls} in step with the fleet and checks open breakers'
 * providers. With Redis it subscribes (on a connection of its own) to the breaker and override
 * channels, reads the stored states and overrides before it reports started, and reads them again
 * whenever the subscription comes back after Redis was away. When a breaker's trial falls due and
 * {@code breakers.probe} is not {@code none}, it makes the trial itself with a real, cheap request
 * through its own provider clients ({@link Provider#probe}), so recovery is noticed without client
 * traffic: success closes the breaker everywhere, failure opens it again for longer.
 */
public final class BreakerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(BreakerVerticle.class);

  private final SharedControls controls;
  private final SharedState state;
  private final ProviderRegistry registry;
  private Map<String, Provider> providers;
  private RedisSubscriber subscriber;

  public BreakerVerticle(SharedControls controls, SharedState state, ProviderRegistry registry) {
    this.controls = controls;
    this.state = state;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    providers = registry.bind(vertx);
    CircuitBreakers breakers = controls.breakers();
    breakers.onTrialDue(target -> context.runOnContext(v -> probe(target)));
    if (controls.outage() == null) {
      return Future.succeededFuture();
    }
    subscriber = new RedisSubscriber(vertx, state.config(), controls.outage(), SharedControls.RETRY.toMillis())
        .on(breakers.sharing().channel(), this::breakerMessage)
        .on(controls.overrides().channel(), message -> controls.overrides().load())
        .onSubscribed(() -> Future.all(breakers.resync(), controls.overrides().load()));
    return subscriber.start();
  }

  @Override
  public Future<?> stop() {
    controls.breakers().onTrialDue(target -> {});
    Future<Void> closing = subscriber == null ? Future.succeededFuture() : subscriber.close();
    return Future.join(closing, Future.join(providers.values().stream().map(Provider::close).toList()));
  }

  private void breakerMessage(String message) {
    BreakerView view = controls.breakers().sharing().received(message);
    if (view != null) {
      controls.breakers().applyShared(view);
    }
  }

  private void probe(Target target) {
    ProbeKind kind = controls.breakers().config().probe();
    Provider provider = providers.get(target.provider());
    if (kind == ProbeKind.NONE || provider == null) {
      return;
    }
    controls.breakers().guard(target, () -> provider.probe(kind, target.model()))
        .onSuccess(v -> LOG.info("recovery probe ({}) of {}/{} succeeded", kind.configName(), target.provider(),
            target.model()))
        .onFailure(failure -> LOG.info("recovery probe ({}) of {}/{} failed: {}", kind.configName(),
            target.provider(), target.model(), failure.getMessage()));
  }
}
