package com.mas.gateway.provider;

import com.mas.gateway.chat.ChatRequest;
import com.mas.gateway.chat.CostQuote;
import io.vertx.core.MultiMap;

/**
 * One attempt to have a provider answer a request.
 *
 * @param requestId the gateway's request id, sent upstream as {@code x-request-id}
 * @param request the validated client request
 * @param model the model name the provider knows
 * @param cancellation tripped by the client side to abort the attempt
 * @param clientHeaders the client's request headers, for the ones a provider forwards
 * @param costQuote prices the usage the answer reports, for the cost field of its usage
 * @param partial the answer text the client already received from an attempt that broke off,
 *     which this attempt continues; null for a fresh answer
 */
public record UpstreamCall(String requestId, ChatRequest request, String model, Cancellation cancellation,
    MultiMap clientHeaders, CostQuote costQuote, String partial) {

  /** A fresh answer. */
  public UpstreamCall(String requestId, ChatRequest request, String model, Cancellation cancellation,
      MultiMap clientHeaders, CostQuote costQuote) {
    this(requestId, request, model, cancellation, clientHeaders, costQuote, null);
  }

  /** A fresh answer that reports no cost. */
  public UpstreamCall(
      String requestId, ChatRequest request, String model, Cancellation cancellation, MultiMap clientHeaders) {
    this(requestId, request, model, cancellation, clientHeaders, CostQuote.NONE);
  }

  /**
   * The conversation to send: the client's request, or for a continuation the client's request
   * followed by the partial answer ({@link ChatRequest#continuing}).
   *
   * @param prefill whether the protocol continues a trailing assistant message by itself
   *     (Anthropic); otherwise a user message asks for the continuation
   */
  public ChatRequest upstreamRequest(boolean prefill) {
    return partial == null || partial.isEmpty() ? request : request.continuing(partial, prefill);
  }
}
