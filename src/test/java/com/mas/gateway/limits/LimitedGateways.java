package com.mas.gateway.limits;

import com.mas.gateway.Gateway;
import com.mas.gateway.config.BudgetConfig;
import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.config.LimitConfig;
import com.mas.gateway.config.PricingConfig;
import com.mas.gateway.config.ProviderType;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.simulator.Simulator;
import com.mas.gateway.simulator.SimulatorOptions;
import com.mas.gateway.state.RedisOutage;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.TestConfigs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The built-in simulator and one or more gateway instances in front of it, each on its own
 * Vert.x (as separate processes would be), all serving one tenant with the test key. Clients
 * have a large pool, so concurrent requests reach the gateways at once instead of queueing in
 * the client.
 */
final class LimitedGateways implements AutoCloseable {

  static final String TENANT = "acme";

  final Vertx upstreamVertx = Vertx.vertx();
  final Simulator simulator;
  final List<Vertx> vertxes = new ArrayList<>();
  final List<Gateway> gateways = new ArrayList<>();
  final List<SimpleMeterRegistry> registries = new ArrayList<>();
  private final List<HttpClientAgent> clients = new ArrayList<>();
  private final List<Context> contexts = new ArrayList<>();

  LimitedGateways(int instances, TenantConfig tenant, RedisConfig redis) {
    simulator = Await.result(Simulator.start(upstreamVertx, SimulatorOptions.defaults()));
    GatewayConfig base = TestConfigs.gateway(TestConfigs.provider("openai", ProviderType.OPENAI, simulator.baseUrl()));
    GatewayConfig config = new GatewayConfig(base.server(), base.providers(), base.models(), List.of(tenant), false,
        redis, PricingConfig.NONE);
    for (int i = 0; i < instances; i++) {
      Vertx vertx = Vertx.vertx();
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      Gateway gateway = Await.result(Gateway.start(vertx, config, registry, 2));
      vertxes.add(vertx);
      registries.add(registry);
      gateways.add(gateway);
      contexts.add(vertx.getOrCreateContext());
      clients.add(vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(gateway.port()), new PoolOptions().setHttp1MaxSize(200)));
    }
  }

  /** Tenant {@value #TENANT} with the test key, these limits and agent-type limits. */
  static TenantConfig tenant(LimitConfig limits, Map<String, LimitConfig> agentLimits) {
    return new TenantConfig(TENANT, List.of(TestConfigs.sha256(TestConfigs.KEY)), List.of(), false, List.of(),
        limits, agentLimits, BudgetConfig.NONE, Map.of());
  }

  /** A chat request for the simulator's model, with {@code extra} JSON fields. */
  static String chat(boolean stream, String extra) {
    return "{\"model\":\"openai/sim-gpt\",\"stream\":" + stream + extra
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"Recommend a moisturiser for dry skin.\"}]}";
  }

  /** POSTs a chat request to instance {@code instance} with the test key. */
  Future<ClientResponse> chat(int instance, String body, Map<String, String> extraHeaders) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add("authorization", "Bearer " + TestConfigs.KEY)
        .add("content-type", "application/json");
    extraHeaders.forEach(headers::set);
    HttpClientAgent client = clients.get(instance);
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI("/v1/chat/completions")
        .setHeaders(headers);
    Promise<ClientResponse> promise = Promise.promise();
    contexts.get(instance).runOnContext(v -> client.request(options)
        .compose(request -> request.send(Buffer.buffer(body)))
        .compose(response -> response.body()
            .map(received -> new ClientResponse(response.statusCode(), response.headers(), received)))
        .onComplete(promise));
    return promise.future();
  }

  /** Sends {@code count} requests at once, request i to instance i mod instances; waits for all. */
  List<ClientResponse> sendAll(int count, IntFunction<Future<ClientResponse>> request) {
    List<Future<ClientResponse>> sent = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      sent.add(request.apply(i));
    }
    Await.result(Future.all(sent), 60);
    return sent.stream().map(Future::result).toList();
  }

  int instances() {
    return gateways.size();
  }

  double fallbacks(int instance) {
    var counter = registries.get(instance).find(RedisOutage.FALLBACKS).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    for (int i = 0; i < gateways.size(); i++) {
      Await.result(gateways.get(i).close());
      Await.result(vertxes.get(i).close());
    }
    Await.result(upstreamVertx.close());
  }
}
