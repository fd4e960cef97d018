package com.mas.gateway.limits;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The in-memory state of one scope: the same sliding window log as {@code rate_limit_admit.lua}
 * (requests admitted in the window, oldest first, each with its tokens, and their sum) and the
 * set of concurrency leases. Not thread-safe: {@link LocalRateLimiter} guards it.
 */
final class LocalWindow {

  private final ArrayDeque<Entry> log = new ArrayDeque<>();
  private final Map<String, Entry> byId = new HashMap<>();
  private final Set<String> leases = new HashSet<>();
  private long tokens;

  /** Drops the entries admitted at or before {@code now - window}. */
  void trim(long now, long window) {
    while (!log.isEmpty() && log.peekFirst().admitted <= now - window) {
      Entry gone = log.pollFirst();
      tokens -= gone.tokens;
      byId.remove(gone.id, gone);
    }
  }

  int count() {
    return log.size();
  }

  long tokens() {
    return tokens;
  }

  int leases() {
    return leases.size();
  }

  /** When the oldest entry was admitted, or {@code fallback} when the log is empty. */
  long oldest(long fallback) {
    return log.isEmpty() ? fallback : log.peekFirst().admitted;
  }

  /** When the entry at {@code rank} (0 = oldest) was admitted; the log holds more than that. */
  long admittedAt(int rank) {
    Iterator<Entry> entries = log.iterator();
    for (int i = 0; i < rank; i++) {
      entries.next();
    }
    return entries.next().admitted;
  }

  /** When enough tokens have left the window for {@code excess} more to fit, oldest first. */
  long tokensFreedAt(long excess, long fallback) {
    long freed = 0;
    for (Entry entry : log) {
      freed += entry.tokens;
      if (freed >= excess) {
        return entry.admitted;
      }
    }
    return fallback;
  }

  void add(String id, long now, long amount) {
    Entry entry = new Entry(id, now, amount);
    log.addLast(entry);
    byId.put(id, entry);
    tokens += amount;
  }

  /** Replaces the tokens of entry {@code id} by {@code used}; an excess counts from now once it left. */
  void settle(String id, long reserved, long used, long now) {
    Entry entry = byId.get(id);
    if (entry != null) {
      tokens += used - entry.tokens;
      entry.tokens = used;
    } else if (used > reserved) {
      add(id + "+", now, used - reserved);
    }
  }

  void lease(String id) {
    leases.add(id);
  }

  void release(String id) {
    leases.remove(id);
  }

  /** One admitted request. */
  private static final class Entry {
    final String id;
    final long admitted;
    long tokens;

    Entry(String id, long admitted, long tokens) {
      this.id = id;
      this.admitted = admitted;
      this.tokens = tokens;
    }
  }
}
