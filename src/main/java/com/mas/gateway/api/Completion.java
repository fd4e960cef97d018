package com.mas.gateway.api;

import com.mas.gateway.chat.Usage;

/**
 * How one request ended, for whoever must settle something afterwards (token reservations,
 * concurrency leases, budgets, the usage ledger). Delivered exactly once per request, whether it
 * was answered, failed, refused by a stage or abandoned by its client.
 *
 * @param dispatched true when an upstream was called
 * @param usage the usage the provider reported, or null when it reported none (for example when
 *     the client went away before the end)
 * @param streamedEvents answer events that reached the client (a stream's chunks; 1 for a whole
 *     answer), the basis of an estimate when {@code usage} is null
 * @param outcome {@code ok}, {@code error}, {@code client_gone} or {@code cancelled}
 */
public record Completion(boolean dispatched, Usage usage, long streamedEvents, String outcome) {

  /** A request that never reached an upstream. */
  public static Completion refused() {
    return new Completion(false, null, 0, "error");
  }
}
