package com.mas.gateway.provider;

import com.mas.gateway.chat.ChatRequest;
import io.vertx.core.MultiMap;

/**
 * One attempt to have a provider answer a request.
 *
 * @param requestId the gateway's request id, sent upstream as {@code x-request-id}
 * @param request the validated client request
 * @param model the model name the provider knows
 * @param cancellation tripped by the client side to abort the attempt
 * @param clientHeaders the client's request headers, for the ones a provider forwards
 */
public record UpstreamCall(
    String requestId, ChatRequest request, String model, Cancellation cancellation, MultiMap clientHeaders) {}
