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
 */
public record UpstreamCall(String requestId, ChatRequest request, String model, Cancellation cancellation,
    MultiMap clientHeaders, CostQuote costQuote) {

  /** A call whose answer reports no cost. */
  public UpstreamCall(
      String requestId, ChatRequest request, String model, Cancellation cancellation, MultiMap clientHeaders) {
    this(requestId, request, model, cancellation, clientHeaders, CostQuote.NONE);
  }
}
