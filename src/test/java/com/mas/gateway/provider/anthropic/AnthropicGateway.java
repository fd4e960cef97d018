package com.mas.gateway.provider.anthropic;

import com.mas.gateway.Gateway;
import com.mas.gateway.config.BreakerConfig;
import com.mas.gateway.config.ModelCapabilities;
import com.mas.gateway.config.PoolConfig;
import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.config.ProviderType;
import com.mas.gateway.config.Secret;
import com.mas.gateway.config.TimeoutConfig;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.GatewayClient;
import com.mas.gateway.testkit.ReplayUpstream;
import com.mas.gateway.testkit.TestConfigs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real gateway on loopback whose {@code anthropic} provider points at a {@link ReplayUpstream}
 * (base URL as a host, as Anthropic's SDKs take it), driven by an OpenAI-shaped client.
 * {@value #DECLARED_MODEL} is declared with {@code defaultMaxTokens} {@value #DEFAULT_MAX_TOKENS}.
 */
final class AnthropicGateway {

  static final String DECLARED_MODEL = "claude-sonnet-4-5";
  static final long DEFAULT_MAX_TOKENS = 1000;

  final Vertx vertx = Vertx.vertx();
  final ReplayUpstream upstream;
  final GatewayClient client;

  AnthropicGateway() {
    upstream = Await.result(ReplayUpstream.start(vertx));
    String host = upstream.baseUrl().substring(0, upstream.baseUrl().length() - "/v1".length());
    ProviderConfig anthropic = new ProviderConfig("anthropic", ProviderType.ANTHROPIC, host,
        new Secret(TestConfigs.UPSTREAM_KEY), TimeoutConfig.DEFAULT, new PoolConfig(64, Duration.ofSeconds(30), false),
        true, List.of(), Map.of(), List.of("x-sim-*"),
        Map.of(DECLARED_MODEL, new ModelCapabilities(true, true, true, 200_000, 64_000, DEFAULT_MAX_TOKENS)));
    Gateway gateway = Await.result(Gateway.start(vertx,
        // the tests send one failure after another to one target, which would rightly open its breaker
        TestConfigs.gateway(anthropic).withBreakers(BreakerConfig.DISABLED), new SimpleMeterRegistry(), 1));
    client = new GatewayClient(vertx, gateway.port());
  }

  /** Serves {@code sse} (split into pieces of up to {@code maxPiece} bytes when > 0) and sends {@code request}. */
  ClientResponse stream(String sse, int maxPiece, String request) {
    upstream.answer(200, "text/event-stream", sse.getBytes(StandardCharsets.UTF_8), maxPiece);
    return Await.result(client.chat(request));
  }

  /** Serves {@code json} as a whole message and sends {@code request}. */
  ClientResponse whole(String json, String request) {
    upstream.answer(200, "application/json", json.getBytes(StandardCharsets.UTF_8), 0);
    return Await.result(client.chat(request));
  }

  ReplayUpstream.Received lastReceived() {
    List<ReplayUpstream.Received> received = upstream.received();
    return received.get(received.size() - 1);
  }

  void close() {
    Await.result(vertx.close());
  }
}
