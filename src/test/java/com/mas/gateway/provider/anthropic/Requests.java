package com.mas.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.config.ModelCapabilities;

/** Maps OpenAI requests written as JSON text (single quotes for double) with {@link RequestMapper}. */
final class Requests {

  private static final RequestMapper MAPPER = new RequestMapper(Json.MAPPER);

  private Requests() {}

  /** {@code fields} (JSON object members, single-quoted) plus one user message when they have no messages. */
  static ObjectNode request(String fields) {
    String json = "{" + fields.replace('\'', '"') + "}";
    ObjectNode request = Json.object(json);
    if (!request.has("messages")) {
      request.set("messages", Json.tree("[{\"role\":\"user\",\"content\":\"Hi\"}]"));
    }
    return request;
  }

  static ObjectNode map(String fields) {
    return map(fields, ModelCapabilities.UNDECLARED);
  }

  static ObjectNode map(String fields, ModelCapabilities capabilities) {
    return MAPPER.map(request(fields), "claude-test", capabilities);
  }

  /** Asserts that mapping {@code fields} is refused with a 400 naming {@code param}; returns the error. */
  static GatewayException refused(String fields, String param) {
    GatewayException[] caught = new GatewayException[1];
    assertThatThrownBy(() -> map(fields)).isInstanceOfSatisfying(GatewayException.class, e -> caught[0] = e);
    assertThat(caught[0].status()).isEqualTo(400);
    assertThat(caught[0].type()).isEqualTo("invalid_request_error");
    assertThat(caught[0].param()).isEqualTo(param);
    return caught[0];
  }
}
