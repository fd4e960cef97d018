package com.mas.gateway.simulator;

import java.util.List;

/**
 * The parts of a request the simulator acts on, the same whatever wire format the request
 * came in; each {@link WireFormat} reads its own body into one.
 *
 * @param model the requested model, echoed in the answer
 * @param stream whether to answer with SSE
 * @param includeUsage whether an OpenAI stream asks for a usage chunk
 *     ({@code stream_options.include_usage}); the other formats always report usage
 * @param seed the body's seed, or null
 * @param maxTokens the body's cap on the answer length, or null
 * @param promptTokens the estimated prompt size: message text characters / 4, rounded up, ≥ 1
 * @param messagesHash a stable 64-bit hash of the compact messages JSON (without a
 *     continuation's own turns)
 * @param toolNames the function names the request offers, in order
 * @param toolChoice "auto", "none" or "required" when the request says so, or null
 * @param namedTool the function the request forces, or null
 * @param stopSequences the request's stop sequences, in order; empty when none
 * @param continuation the partial answer a continuation request continues ({@link Continuation}),
 *     or null for an ordinary request
 */
record ChatCall(
    String model,
    boolean stream,
    boolean includeUsage,
    Long seed,
    Integer maxTokens,
    int promptTokens,
    long messagesHash,
    List<String> toolNames,
    String toolChoice,
    String namedTool,
    List<String> stopSequences,
    String continuation) {

  ChatCall {
    toolNames = List.copyOf(toolNames);
    stopSequences = List.copyOf(stopSequences);
  }
}
