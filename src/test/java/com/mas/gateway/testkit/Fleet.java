package com.mas.gateway.testkit;

import com.mas.gateway.Gateway;
import com.mas.gateway.chat.ChatRequestParser;
import com.mas.gateway.config.AdminKey;
import com.mas.gateway.config.BreakerConfig;
import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.config.PricingConfig;
import com.mas.gateway.config.ProbeKind;
import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.provider.BodyCollector;
import com.mas.gateway.provider.Cancellation;
import com.mas.gateway.provider.Provider;
import com.mas.gateway.provider.ProviderRegistry;
import com.mas.gateway.provider.ProviderVerticle;
import com.mas.gateway.provider.UpstreamCall;
import com.mas.gateway.resilience.AttemptGuard;
import com.mas.gateway.routing.Target;
import com.mas.gateway.simulator.Simulator;
import com.mas.gateway.simulator.SimulatorControls;
import com.mas.gateway.simulator.SimulatorOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Gateway instances of one fleet, each on its own Vert.x (as separate processes would be) and with
 * its own connections to the same Redis under one key prefix, in front of the built-in simulator
 * (providers {@code openai}, {@code anthropic}, {@code gemini}, each in its own wire format). Its
 * {@link #attempt} makes real upstream calls to the simulator through any instance's breakers.
 */
public final class Fleet implements AutoCloseable {

  public static final String ADMIN_KEY = "test-admin-key";

  public final Vertx upstreamVertx = Vertx.vertx();
  public final Vertx clientVertx = Vertx.vertx();
  public final Simulator simulator;
  private final GatewayConfig config;
  private final String keyPrefix;
  private final List<Vertx> instances = new ArrayList<>();
  private final Context context = clientVertx.getOrCreateContext();
  private final Map<String, Provider> providers;
  private final ChatRequestParser parser = new ChatRequestParser();

  /** {@code redisUrl} null keeps each instance's state in memory. */
  public Fleet(BreakerConfig breakers, AdminKey adminKey, String redisUrl, String keyPrefix) {
    simulator = Await.result(Simulator.start(upstreamVertx, SimulatorOptions.defaults()));
    GatewayConfig base = TestConfigs.simulated(simulator, TestConfigs.timeouts(5_000, 5_000));
    this.keyPrefix = keyPrefix;
    RedisConfig redis = redisUrl == null ? RedisConfig.IN_MEMORY : new RedisConfig(redisUrl, keyPrefix, true, true);
    config = new GatewayConfig(base.server().withAdminKey(adminKey), base.providers(), base.models(), base.tenants(),
        false, redis, PricingConfig.NONE, base.routing(), breakers);
    ProviderRegistry registry = new ProviderRegistry();
    for (ProviderConfig provider : config.providers().values()) {
      Await.result(clientVertx.deployVerticle(new ProviderVerticle(provider, registry)));
    }
    providers = onContext(() -> registry.bind(clientVertx));
  }

  /** A new instance of the fleet; returns once it has read the fleet's state. */
  public Gateway start() {
    return start(config);
  }

  /** A new instance that reaches the fleet's Redis at {@code redisUrl} (a proxy, say). */
  public Gateway startVia(String redisUrl) {
    return start(new GatewayConfig(config.server(), config.providers(), config.models(), config.tenants(), false,
        new RedisConfig(redisUrl, keyPrefix, true, true), config.pricing(), config.routing(), config.breakers()));
  }

  private Gateway start(GatewayConfig instanceConfig) {
    Vertx vertx = Vertx.vertx();
    instances.add(vertx);
    return Await.result(Gateway.start(vertx, instanceConfig, new SimpleMeterRegistry(), 1));
  }

  /** The configuration every instance runs. */
  public GatewayConfig config() {
    return config;
  }

  /**
   * One real attempt at {@code target} through {@code guard}: a non-streamed chat call to the
   * simulator with {@code x-sim-fault: fault} (null for none), its answer read whole. Fails with
   * the attempt's {@code GatewayException}.
   */
  public Future<Void> attempt(AttemptGuard guard, Target target, String fault) {
    return attempt(guard, target, fault == null ? Map.of() : Map.of(SimulatorControls.FAULT, fault));
  }

  /** An attempt the simulator answers normally. */
  public Future<Void> answer(AttemptGuard guard, Target target) {
    return attempt(guard, target, Map.of());
  }

  /** As {@link #attempt(AttemptGuard, Target, String)}, with any simulator control headers. */
  public Future<Void> attempt(AttemptGuard guard, Target target, Map<String, String> controls) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(controls);
    String body = "{\"model\":\"" + target.model() + "\",\"max_tokens\":8,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"Is this moisturiser good for dry skin?\"}]}";
    UpstreamCall call = new UpstreamCall("fleet-test", parser.parse(body.getBytes(StandardCharsets.UTF_8)),
        target.model(), new Cancellation(), headers);
    Provider provider = providers.get(target.provider());
    return onContextAsync(() -> guard.guard(target, () -> provider.send(call))
        .compose(upstream -> BodyCollector.collect(upstream.body(), 1 << 20))
        .mapEmpty());
  }

  /** A recovery probe of provider {@code name} by a client of this fleet's configuration. */
  public Future<Void> probe(String name, ProbeKind kind, String model) {
    return onContextAsync(() -> providers.get(name).probe(kind, model));
  }

  /** A client of an instance's data port, with the test tenant's key. */
  public GatewayClient data(Gateway instance) {
    return new GatewayClient(clientVertx, instance.port());
  }

  /** A client of an instance's management port. */
  public GatewayClient management(Gateway instance) {
    return new GatewayClient(clientVertx, instance.managementPort());
  }

  private <T> T onContext(Supplier<T> action) {
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> result.complete(action.get()));
    return Await.result(result.future());
  }

  private <T> Future<T> onContextAsync(Supplier<Future<T>> action) {
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(result));
    return result.future();
  }

  @Override
  public void close() {
    instances.forEach(vertx -> Await.result(vertx.close()));
    Await.result(clientVertx.close());
    Await.result(upstreamVertx.close());
  }
}
