package com.mas.gateway.cost;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.Gateway;
import com.mas.gateway.chat.TokenEstimator;
import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.config.ModelPricing;
import com.mas.gateway.config.Prices;
import com.mas.gateway.config.PricingConfig;
import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.config.RoutingConfig;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.simulator.Simulator;
import com.mas.gateway.simulator.SimulatorOptions;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.TestConfigs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A gateway with prices, tenants and a ledger of the test's choosing, in front of the built-in
 * simulator (providers {@code openai}, {@code anthropic}, {@code gemini}, each in its own wire
 * format). Its client opens up to 100 connections, so requests really run at once.
 */
final class PricedGateway implements AutoCloseable {

  /** USD 1 per million input tokens, 2 per million output: one and two micro-dollars a token. */
  static final Prices SIMPLE = new Prices(1_000_000, 2_000_000, 500_000, 1_000_000);
  static final String OTHER_KEY = "other-tenant-key";

  final Vertx upstreamVertx = Vertx.vertx();
  final Vertx gatewayVertx = Vertx.vertx();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final Simulator simulator;
  final Gateway gateway;
  private final HttpClientAgent client;
  private final Context context;

  PricedGateway(List<TenantConfig> tenants, PricingConfig pricing, RedisConfig redis) {
    this(tenants, pricing, redis, RoutingConfig.NONE);
  }

  /** As above, with {@code routing} (see {@code TestPlans}). */
  PricedGateway(List<TenantConfig> tenants, PricingConfig pricing, RedisConfig redis, RoutingConfig routing) {
    simulator = Await.result(Simulator.start(upstreamVertx, SimulatorOptions.defaults()));
    GatewayConfig base = TestConfigs.simulated(simulator, TestConfigs.timeouts(5_000, 5_000));
    GatewayConfig config = new GatewayConfig(base.server(), base.providers(), base.models(), tenants, false,
        redis, pricing);
    gateway = Await.result(Gateway.start(gatewayVertx, config.withRouting(routing), registry, 2));
    context = gatewayVertx.getOrCreateContext();
    client = gatewayVertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(gateway.port()), new PoolOptions().setHttp1MaxSize(100));
  }

  /** Prices for the simulator's models, all {@link #SIMPLE}, in UTC. */
  static PricingConfig pricing(String... models) {
    Map<String, Prices> byModel = new java.util.HashMap<>();
    for (String model : models) {
      byModel.put(model, SIMPLE);
    }
    return pricing(byModel);
  }

  /** Prices for the simulator's models, each its own, in UTC. */
  static PricingConfig pricing(Map<String, Prices> prices) {
    Map<String, ModelPricing> byModel = new java.util.HashMap<>();
    prices.forEach((model, price) -> byModel.put(model, new ModelPricing(price, List.of(), ZoneId.of("UTC"))));
    return new PricingConfig(byModel, ZoneId.of("UTC"));
  }

  /** What a request reserves at {@link #SIMPLE}: estimated input at 1 micro a token, max output at 2. */
  static long worstCase(String body, int maxTokens) {
    return TokenEstimator.inputTokens(new JsonObject(body).mapTo(ObjectNode.class)) + 2L * maxTokens;
  }

  /** The test tenant (key {@link TestConfigs#KEY}) with {@code budgets}, and tenant "other" without. */
  static List<TenantConfig> tenants(TenantConfig acme) {
    return List.of(acme, new TenantConfig("other", List.of(TestConfigs.sha256(OTHER_KEY))));
  }

  Future<ClientResponse> chat(String body, Map<String, String> headers) {
    MultiMap all = MultiMap.caseInsensitiveMultiMap().add("authorization", "Bearer " + TestConfigs.KEY)
        .add("content-type", "application/json");
    headers.forEach(all::set);
    return send(HttpMethod.POST, "/v1/chat/completions", all, Buffer.buffer(body));
  }

  /** GET {@code path} (e.g. /v1/usage) with {@code key}, plus whatever else the caller sends. */
  ClientResponse usage(String key, String path, Map<String, String> headers) {
    MultiMap all = MultiMap.caseInsensitiveMultiMap().add("authorization", "Bearer " + key);
    headers.forEach(all::set);
    return Await.result(send(HttpMethod.GET, path, all, Buffer.buffer()));
  }

  JsonObject usage() {
    return usage(TestConfigs.KEY, "/v1/usage", Map.of()).json();
  }

  double fallbacks() {
    Counter counter = registry.find(Budgets.FALLBACK_METRIC).tag("component", "budgets").counter();
    return counter == null ? 0 : counter.count();
  }

  /** Sends from one event-loop context, as {@code GatewayClient} does (pooled connections race otherwise). */
  private Future<ClientResponse> send(HttpMethod method, String path, MultiMap headers, Buffer body) {
    Promise<ClientResponse> promise = Promise.promise();
    context.runOnContext(v -> sendOnContext(method, path, headers, body).onComplete(promise));
    return promise.future();
  }

  private Future<ClientResponse> sendOnContext(HttpMethod method, String path, MultiMap headers, Buffer body) {
    RequestOptions options = new RequestOptions().setMethod(method).setURI(path).setHeaders(headers);
    return client.request(options).compose(request -> request.send(body))
        .compose(response -> response.body().map(b -> new ClientResponse(response.statusCode(), response.headers(), b)));
  }

  @Override
  public void close() {
    Await.result(client.close());
    Await.result(gateway.close());
    Await.result(gatewayVertx.close());
    Await.result(upstreamVertx.close());
  }
}
