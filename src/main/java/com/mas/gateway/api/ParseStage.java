package com.mas.gateway.api;

import com.mas.gateway.chat.ChatRequestParser;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * Checks the content type, parses the body into a {@link com.mas.gateway.chat.ChatRequest} and
 * reads the agent type the client declares.
 */
final class ParseStage implements Stage {

  private final ChatRequestParser parser;

  ParseStage(ChatRequestParser parser) {
    this.parser = parser;
  }

  @Override
  public String name() {
    return "parse";
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    String contentType = exchange.context().request().getHeader("content-type");
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      return Future.failedFuture(new GatewayException(415, "invalid_request_error", "unsupported_content_type", null,
          "Expected 'Content-Type: application/json', got " + (contentType == null ? "none" : "'" + contentType + "'") + "."));
    }
    Buffer body = exchange.context().body().buffer();
    exchange.request(parser.parse(body == null ? new byte[0] : body.getBytes()));
    exchange.agentType(AgentTypes.of(exchange.context().request().getHeader("x-agent-type"), exchange.request().json()));
    return Future.succeededFuture();
  }
}
