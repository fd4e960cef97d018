package com.mas.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.Gateway;
import com.mas.gateway.config.ProviderType;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ChatAssembler;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.GatewayClient;
import com.mas.gateway.testkit.TestConfigs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upstreams that misbehave below HTTP: silence, garbage, refused connections. */
class RawUpstreamTest {

  private static final String CHAT = "{\"model\":\"openai/x\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  private GatewayClient gatewayTo(int upstreamPort) {
    Gateway gateway = Await.result(Gateway.start(vertx, TestConfigs.gateway(TestConfigs.provider("openai",
        ProviderType.OPENAI, "http://127.0.0.1:" + upstreamPort + "/v1", TestConfigs.timeouts(300, 300))),
        new SimpleMeterRegistry(), 1));
    return new GatewayClient(vertx, gateway.port());
  }

  private int rawServer(Handler<NetSocket> behaviour) {
    NetServer server = Await.result(vertx.createNetServer().connectHandler(behaviour).listen(0, "127.0.0.1"));
    return server.actualPort();
  }

  @Test
  void silent_upstream_trips_the_first_byte_timeout_with_504() {
    ClientResponse response = Await.result(gatewayTo(rawServer(socket -> { })).chat(CHAT));

    assertThat(response.status()).isEqualTo(504);
    assertThat(response.error().getString("code")).isEqualTo("upstream_timeout");
  }

  @Test
  void refused_connection_is_502_unavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ClientResponse response = Await.result(gatewayTo(closedPort).chat(CHAT));

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.error().getString("code")).isEqualTo("upstream_unavailable");
  }

  @Test
  void non_http_garbage_is_502() {
    ClientResponse response = Await.result(gatewayTo(rawServer(socket ->
        socket.write("SSH-2.0-OpenSSH_9.6\r\n\r\n").onComplete(v -> socket.close()))).chat(CHAT));

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.error()).isNotNull();
  }

  @Test
  void malformed_bytes_inside_a_stream_end_it_with_an_error_event() {
    Buffer stream = Buffer.buffer("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n"
        + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}\n\n")
        .appendBytes(new byte[] {'d', 'a', 't', 'a', ':', ' ', '{', (byte) 0xff, (byte) 0xfe, '\n', '\n'});
    ClientResponse response = Await.result(gatewayTo(rawServer(socket -> socket.handler(request ->
        socket.write(stream).onComplete(v -> socket.close())))).chat(CHAT));
    ChatAssembler answer = ChatAssembler.ofEvents(response.events());

    assertThat(response.status()).isEqualTo(200);
    assertThat(answer.text()).isEqualTo("ok");
    assertThat(answer.error().getString("code")).isEqualTo("upstream_malformed_event");
  }

  @Test
  void stream_closed_before_any_event_is_a_502_json_error() {
    ClientResponse response = Await.result(gatewayTo(rawServer(socket -> socket.handler(request -> socket.write(
        "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n")
        .onComplete(v -> socket.close())))).chat(CHAT));

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.error().getString("code")).isEqualTo("upstream_stream_cut");
  }
}
