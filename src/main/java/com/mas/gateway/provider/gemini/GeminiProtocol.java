package com.mas.gateway.provider.gemini;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.provider.ResponseTranslator;
import com.mas.gateway.provider.UpstreamCall;
import com.mas.gateway.provider.WireProtocol;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;

/**
 * Google's Gemini API (generativelanguage, "Gemini Developer API"), spoken to OpenAI clients:
 * {@code POST {base}/v1beta/models/{model}:streamGenerateContent?alt=sse} for streams ({@code
 * alt=sse} is what makes the answer SSE rather than a streamed JSON array) and
 * {@code :generateContent} otherwise, with the key in {@code x-goog-api-key} (genai-py
 * {@code _api_client.py}, {@code models.py}). The model id is one percent-encoded path segment,
 * so a {@code /}, {@code ?} or {@code :} in it cannot change the path; a leading
 * {@code models/} is dropped, as Google's SDKs accept both spellings.
 *
 * <p>The request is built by {@link GeminiRequestMapper}, the answer translated by
 * {@link GeminiStreamTranslator} (and {@link GeminiCompletion}), errors by {@link GeminiErrors}.
 */
public final class GeminiProtocol implements WireProtocol {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final ProviderConfig config;
  private final String models;
  private final GeminiRequestMapper requests = new GeminiRequestMapper();
  private final GeminiErrors errors;

  public GeminiProtocol(ProviderConfig config) {
    this.config = config;
    this.models = config.baseUrl().replaceAll("/+$", "") + "/v1beta/models/";
    this.errors = new GeminiErrors(config.name(), config.apiKey().value());
  }

  @Override
  public String uri(UpstreamCall call) {
    String method = call.request().stream() ? ":streamGenerateContent?alt=sse" : ":generateContent";
    return models + pathSegment(call.model()) + method;
  }

  /** {@code GET {base}/v1beta/models}, the key in {@code x-goog-api-key} as for every call. */
  @Override
  public String modelListUri() {
    return models.substring(0, models.length() - 1);
  }

  @Override
  public void authenticate(RequestOptions options) {
    if (!config.apiKey().isEmpty()) {
      options.putHeader("x-goog-api-key", config.apiKey().value());
    }
  }

  @Override
  public Buffer body(UpstreamCall call) {
    return requests.body(call.upstreamRequest(prefills()));
  }

  @Override
  public ResponseTranslator translator(UpstreamCall call) {
    return new GeminiStreamTranslator("chatcmpl-" + call.requestId(), call.model(), System.currentTimeMillis() / 1000,
        call.request().includeUsage(), GeminiRequestMapper.wantsThoughts(call.request().json()), errors,
        GeminiStreamTranslator.randomCallIdPrefix(), call.costQuote());
  }

  @Override
  public GatewayException error(int status, MultiMap headers, Buffer body) {
    return errors.fromStatus(status, headers, body);
  }

  /** {@code model} as one path segment: every byte but RFC 3986 unreserved characters percent-encoded. */
  static String pathSegment(String model) {
    String id = model.startsWith("models/") ? model.substring("models/".length()) : model;
    StringBuilder encoded = new StringBuilder(id.length());
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return encoded.toString();
  }
}
