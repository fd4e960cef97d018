package com.mas.gateway.testkit;

import com.mas.gateway.Gateway;
import com.mas.gateway.config.RoutingConfig;
import com.mas.gateway.config.TimeoutConfig;
import com.mas.gateway.simulator.Simulator;
import com.mas.gateway.simulator.SimulatorOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;

/**
 * A gateway in front of the built-in simulator, each on its own Vert.x instance (as in
 * production, where they are different processes). Providers {@code openai}, {@code anthropic}
 * and {@code gemini} are the simulator, each in its own wire format.
 */
public final class SimulatedUpstream implements AutoCloseable {

  public final Vertx upstreamVertx = Vertx.vertx();
  public final Vertx gatewayVertx = Vertx.vertx();
  public final Simulator simulator;
  public final Gateway gateway;
  public final GatewayClient client;

  public SimulatedUpstream(TimeoutConfig timeouts) {
    this(timeouts, RoutingConfig.NONE);
  }

  /** A gateway with {@code routing} (see {@link TestPlans} for routes made for failover tests). */
  public SimulatedUpstream(TimeoutConfig timeouts, RoutingConfig routing) {
    simulator = Await.result(Simulator.start(upstreamVertx, SimulatorOptions.defaults()));
    gateway = Await.result(Gateway.start(gatewayVertx, TestConfigs.simulated(simulator, timeouts).withRouting(routing),
        new SimpleMeterRegistry(), 2));
    client = new GatewayClient(gatewayVertx, gateway.port());
  }

  public StreamProbe probe() {
    return new StreamProbe(gatewayVertx);
  }

  /** A chat request body for {@code model} with one user message, streaming or not. */
  public static String chat(String model, boolean stream) {
    return "{\"model\":\"" + model + "\",\"stream\":" + stream
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"Recommend a moisturiser for dry skin.\"}]}";
  }

  @Override
  public void close() {
    Await.result(gatewayVertx.close());
    Await.result(upstreamVertx.close());
  }
}
