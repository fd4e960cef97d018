package com.mas.gateway.provider;

import com.mas.gateway.api.GatewayException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.RequestOptions;

/**
 * How one provider's API is spoken: where a call goes, how it authenticates, how the client's
 * OpenAI request becomes the upstream body, and how the upstream's answer and errors become
 * OpenAI's again. {@link HttpProvider} does the HTTP around it. Instances are immutable and
 * shared by every event loop.
 */
public interface WireProtocol {

  /** The absolute URI of the call. */
  String uri(UpstreamCall call);

  /** The absolute URI of the provider's model list, the cheapest authenticated call it has (a recovery probe). */
  String modelListUri();

  /** Adds the credential and protocol headers (e.g. {@code x-api-key}, {@code anthropic-version}). */
  void authenticate(RequestOptions options);

  /**
   * The upstream request body. Throws a 400 {@link GatewayException} for a request this
   * protocol cannot express; nothing has been sent then.
   */
  Buffer body(UpstreamCall call);

  /**
   * True when the model continues a trailing assistant message by itself (Anthropic's prefill):
   * a continuation ({@link UpstreamCall#partial()}) is sent that way, and its answer picks up
   * exactly where the partial answer ends. Otherwise a user message asks for the continuation
   * ({@link UpstreamCall#upstreamRequest}), and the answer may start by repeating some of it.
   */
  default boolean prefills() {
    return false;
  }

  /** A fresh translator for the answer to {@code call}. */
  ResponseTranslator translator(UpstreamCall call);

  /** The client-facing error for a non-2xx upstream answer. */
  GatewayException error(int status, MultiMap headers, Buffer body);
}
