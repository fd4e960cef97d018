package com.mas.gateway.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.ChatRequest;
import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.provider.ResponseTranslator;
import com.mas.gateway.provider.UpstreamCall;
import com.mas.gateway.provider.WireProtocol;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.RequestOptions;

/**
 * Anthropic's Messages API: {@code POST {baseUrl}/v1/messages} with {@code x-api-key} and
 * {@code anthropic-version: 2023-06-01} (stream-doc curl; py-sdk {@code _client.py}). The
 * client's OpenAI request is translated by {@link RequestMapper}, the answer back by
 * {@link AnthropicTranslator}, errors by {@link AnthropicErrors}. The base URL is a host, as
 * Anthropic's SDKs take it; a base URL that already ends in {@code /v1} gets only
 * {@code /messages}. Immutable; shared by every event loop.
 */
public final class AnthropicProtocol implements WireProtocol {

  /** The API version every request pins. */
  static final String VERSION = "2023-06-01";

  private final ProviderConfig config;
  private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private final RequestMapper requests = new RequestMapper(mapper);
  private final AnthropicErrors errors;
  private final String endpoint;
  private final String modelList;

  public AnthropicProtocol(ProviderConfig config) {
    this.config = config;
    this.errors = new AnthropicErrors(config.name(), config.apiKey().value());
    String base = config.baseUrl().replaceAll("/+$", "");
    String v1 = base.endsWith("/v1") ? base : base + "/v1";
    this.endpoint = v1 + "/messages";
    this.modelList = v1 + "/models";
  }

  @Override
  public String uri(UpstreamCall call) {
    return endpoint;
  }

  /** {@code GET /v1/models} with the same {@code x-api-key} and {@code anthropic-version}. */
  @Override
  public String modelListUri() {
    return modelList;
  }

  @Override
  public void authenticate(RequestOptions options) {
    if (!config.apiKey().isEmpty()) {
      options.putHeader("x-api-key", config.apiKey().value());
    }
    options.putHeader("anthropic-version", VERSION);
  }

  @Override
  public Buffer body(UpstreamCall call) {
    try {
      return Buffer.buffer(mapper.writeValueAsBytes(
          requests.map(call.upstreamRequest(prefills()).json(), call.model(), config.capabilitiesOf(call.model()))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a built tree always serialises", e);
    }
  }

  /** A continuation is an assistant prefill: Anthropic continues a trailing assistant turn itself. */
  @Override
  public boolean prefills() {
    return true;
  }

  @Override
  public ResponseTranslator translator(UpstreamCall call) {
    ChatRequest request = call.request();
    return new AnthropicTranslator(mapper, AnswerShape.of(request.json()), request.stream() && request.includeUsage(),
        errors, "chatcmpl-" + call.requestId(), call.model(), call.costQuote());
  }

  @Override
  public GatewayException error(int status, MultiMap headers, Buffer body) {
    return errors.forStatus(status, headers, body);
  }
}
