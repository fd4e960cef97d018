package com.mas.gateway.provider.gemini;

import com.mas.gateway.Gateway;
import com.mas.gateway.config.ProviderType;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.GatewayClient;
import com.mas.gateway.testkit.ReplayUpstream;
import com.mas.gateway.testkit.TestConfigs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A real gateway on loopback with one provider {@code gemini} (type gemini) pointing at a
 * {@link ReplayUpstream} that serves Gemini-format answers, and an OpenAI-shaped client.
 */
final class GeminiGateway {

  private final Vertx vertx = Vertx.vertx();
  private final ReplayUpstream upstream;
  private final GatewayClient client;

  GeminiGateway() {
    upstream = Await.result(ReplayUpstream.start(vertx));
    String host = upstream.baseUrl().replace("/v1", "");
    Gateway gateway = Await.result(Gateway.start(vertx,
        TestConfigs.gateway(TestConfigs.provider("gemini", ProviderType.GEMINI, host)), new SimpleMeterRegistry(), 1));
    client = new GatewayClient(vertx, gateway.port());
  }

  /** The upstream answers the next requests with {@code body}, split into pieces of at most {@code maxPiece}. */
  GeminiGateway answer(int status, String contentType, String body, int maxPiece) {
    upstream.answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), maxPiece);
    return this;
  }

  GeminiGateway stream(String sse, int maxPiece) {
    return answer(200, "text/event-stream", sse, maxPiece);
  }

  ClientResponse chat(String openAiRequest) {
    return Await.result(client.chat(openAiRequest));
  }

  ClientResponse chat(JsonObject openAiRequest) {
    return chat(openAiRequest.encode());
  }

  /** What the upstream received last. */
  ReplayUpstream.Received lastReceived() {
    List<ReplayUpstream.Received> received = upstream.received();
    return received.get(received.size() - 1);
  }

  /** How many requests reached the upstream so far. */
  int lastReceivedCount() {
    return upstream.received().size();
  }

  void close() {
    Await.result(vertx.close());
  }

  /** An OpenAI request for {@code gemini-2.5-flash} with one user message. */
  static JsonObject ask(String question, boolean stream) {
    return new JsonObject().put("model", "gemini-2.5-flash").put("stream", stream)
        .put("messages", new io.vertx.core.json.JsonArray().add(new JsonObject().put("role", "user")
            .put("content", question)));
  }
}
