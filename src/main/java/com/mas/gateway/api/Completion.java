package com.mas.gateway.api;

import com.mas.gateway.chat.Usage;
import com.mas.gateway.routing.Target;
import java.util.List;

/**
 * How one request ended, for whoever must settle something afterwards (token reservations,
 * concurrency leases, budgets, the usage ledger). Delivered exactly once per request, whether it
 * was answered, failed, refused by a stage or abandoned by its client. A request that failed
 * over, or whose stream was continued on another target, has one attempt per target it called,
 * each charged at its own target's prices.
 *
 * @param dispatched true when an upstream was called
 * @param attempts the upstream attempts in the order they were made; empty when none was
 * @param outcome {@code ok}, {@code error}, {@code client_gone} or {@code cancelled}: how the
 *     request as a whole ended
 */
public record Completion(boolean dispatched, List<Attempt> attempts, String outcome) {

  /**
   * One upstream attempt.
   *
   * @param target where it went
   * @param usage the usage that provider reported, or null when it reported none (for example
   *     when the client went away or the stream broke before the end)
   * @param streamedEvents answer events of this attempt that reached the client (a stream's
   *     chunks; 1 for a whole answer), the basis of an estimate when {@code usage} is null
   * @param outcome how this attempt ended: {@code ok}, {@code error}, {@code client_gone} or
   *     {@code cancelled}
   */
  public record Attempt(Target target, Usage usage, long streamedEvents, String outcome) {

    /**
     * What this attempt is charged for, or null for nothing. An attempt that ended normally is
     * charged the provider's final usage: that is also what the answer reported to the client,
     * so the ledger equals the sum of the reported costs. One cut short (the client went away
     * mid-stream and the upstream was reset, or the stream broke) has at best a partial usage
     * (Anthropic reports input tokens at the start, output tokens only at the end); it is charged:
     * <ul>
     *   <li>input: the provider's prompt count when it sent one, else {@code inputTokens}, the
     *       request's estimated input (an upper-leaning estimate);
     *   <li>output: the provider's count so far or one token per event the client was sent,
     *       whichever is more. The simulator and most providers send one token per content chunk;
     *       the opening role chunk makes this one more than the content tokens, and a provider
     *       sending several tokens per chunk makes it a lower bound.
     * </ul>
     * An attempt a provider refused before sending anything costs nothing; one abandoned by its
     * client before any event still pays its input (the provider had started on it).
     */
    public Usage charged(long inputTokens) {
      if ("ok".equals(outcome) && usage != null) {
        return usage;
      }
      boolean abandoned = "client_gone".equals(outcome) || "cancelled".equals(outcome);
      if (usage == null && streamedEvents == 0 && !abandoned) {
        return null;
      }
      if (usage == null) {
        return new Usage(inputTokens, streamedEvents, 0, 0, 0);
      }
      long output = Math.max(usage.completionTokens(), streamedEvents);
      return new Usage(usage.promptTokens(), output, usage.cachedTokens(), usage.cacheWriteTokens(),
          usage.reasoningTokens());
    }
  }

  public Completion {
    attempts = List.copyOf(attempts);
  }

  /** A request that never reached an upstream. */
  public static Completion refused() {
    return new Completion(false, List.of(), "error");
  }

  /** The usage the providers reported, summed over the attempts; null when none reported any. */
  public Usage usage() {
    Usage total = null;
    for (Attempt attempt : attempts) {
      if (attempt.usage() != null) {
        total = total == null ? attempt.usage() : total.plus(attempt.usage());
      }
    }
    return total;
  }

  /** Answer events that reached the client, summed over the attempts. */
  public long streamedEvents() {
    return attempts.stream().mapToLong(Attempt::streamedEvents).sum();
  }
}
