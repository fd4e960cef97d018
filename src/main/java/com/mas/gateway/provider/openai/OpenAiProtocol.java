package com.mas.gateway.provider.openai;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.provider.ResponseTranslator;
import com.mas.gateway.provider.UpstreamCall;
import com.mas.gateway.provider.UpstreamErrors;
import com.mas.gateway.provider.WireProtocol;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.RequestOptions;

/**
 * The same-protocol fast path: the client's JSON goes upstream with only {@code model} (and
 * possibly {@code stream_options}) changed, and the upstream's SSE events come back unchanged.
 * Serves OpenAI and every OpenAI-compatible upstream (DeepSeek included). A continuation
 * sends the partial answer as an assistant message and a user message asking to continue
 * ({@link com.mas.gateway.chat.ChatRequest#continuing}): OpenAI has no assistant prefill.
 */
public final class OpenAiProtocol implements WireProtocol {

  private final ProviderConfig config;
  private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private final String endpoint;
  private final String modelList;

  public OpenAiProtocol(ProviderConfig config) {
    this.config = config;
    String base = config.baseUrl().replaceAll("/+$", "");
    this.endpoint = base + "/chat/completions";
    this.modelList = base + "/models";
  }

  @Override
  public String uri(UpstreamCall call) {
    return endpoint;
  }

  /** {@code GET {base}/models}, OpenAI's and DeepSeek's list alike. */
  @Override
  public String modelListUri() {
    return modelList;
  }

  @Override
  public void authenticate(RequestOptions options) {
    if (!config.apiKey().isEmpty()) {
      options.putHeader("authorization", "Bearer " + config.apiKey().value());
    }
  }

  @Override
  public Buffer body(UpstreamCall call) {
    return call.upstreamRequest(prefills()).openAiBody(mapper, call.model(), config.requestUsage());
  }

  @Override
  public ResponseTranslator translator(UpstreamCall call) {
    boolean dropUsage = call.request().stream() && config.requestUsage() && !call.request().includeUsage();
    return new PassThroughTranslator(mapper, dropUsage, call.costQuote(),
        payload -> UpstreamErrors.fromErrorEvent(config.name(), payload, config.apiKey().value()));
  }

  @Override
  public GatewayException error(int status, MultiMap headers, Buffer body) {
    return UpstreamErrors.fromStatus(config.name(), status, headers, body, config.apiKey().value());
  }
}
