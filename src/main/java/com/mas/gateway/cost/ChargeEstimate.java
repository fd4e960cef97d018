package com.mas.gateway.cost;

import com.mas.gateway.api.Completion;
import com.mas.gateway.chat.Usage;
import com.mas.gateway.config.Prices;

/**
 * What an ended request is charged. An answer that ended normally is charged the provider's
 * final usage: that is also what the answer reported to the client, so the ledger equals the sum
 * of the reported costs. An answer cut short (the client went away mid-stream and the upstream
 * was reset, or the stream broke) has at best a partial usage (Anthropic reports input tokens at
 * the start, output tokens only at the end); it is charged:
 * <ul>
 *   <li>input: the provider's prompt count when it sent one, else the request's estimated input
 *       ({@code TokenEstimator}, an upper-leaning estimate);
 *   <li>output: the provider's count so far or one token per event the client was sent,
 *       whichever is more. The simulator and most providers send one token per content chunk;
 *       the opening role chunk makes this one more than the content tokens, and a provider
 *       sending several tokens per chunk makes it a lower bound.
 * </ul>
 * A request that never reached a provider, or that a provider refused before sending anything,
 * costs nothing; one abandoned by its client before any event still pays its input (the provider
 * had started on it).
 */
final class ChargeEstimate {

  private ChargeEstimate() {}

  static long micros(Completion done, Prices prices, long inputTokens) {
    Usage usage = usage(done, inputTokens);
    return usage == null ? 0 : CostCalculator.micros(usage, prices);
  }

  /** The usage to charge, or null for nothing. */
  static Usage usage(Completion done, long inputTokens) {
    if (!done.dispatched()) {
      return null;
    }
    Usage reported = done.usage();
    if ("ok".equals(done.outcome()) && reported != null) {
      return reported;
    }
    boolean abandoned = "client_gone".equals(done.outcome()) || "cancelled".equals(done.outcome());
    if (reported == null && done.streamedEvents() == 0 && !abandoned) {
      return null;
    }
    if (reported == null) {
      return new Usage(inputTokens, done.streamedEvents(), 0, 0, 0);
    }
    long output = Math.max(reported.completionTokens(), done.streamedEvents());
    return new Usage(reported.promptTokens(), output, reported.cachedTokens(), reported.cacheWriteTokens(),
        reported.reasoningTokens());
  }
}
