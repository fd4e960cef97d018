package com.mas.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.mas.gateway.chat.Usage;

/**
 * Accumulates Anthropic's usage counts as the py-sdk does ({@code lib/streaming/_messages.py}
 * {@code accumulate_event}): {@code message_start} sets them; a {@code message_delta}'s
 * {@code output_tokens} replaces the running value (the counts are cumulative), and its input
 * and cache counts replace those of {@code message_start} only when present and not null.
 *
 * <p>{@link #usage()} normalises them to OpenAI's conventions: prompt tokens are
 * {@code input_tokens + cache_read_input_tokens + cache_creation_input_tokens}, cached tokens
 * the cache reads, cache-write tokens the cache creations, completion tokens
 * {@code output_tokens} (thinking included: Anthropic does not count it apart).
 */
final class UsageCounts {

  private long input;
  private long output;
  private long cacheRead;
  private long cacheCreation;
  private boolean reported;

  /** Takes the counts present in an Anthropic {@code usage} object; a missing object changes nothing. */
  void update(JsonNode usage) {
    if (!usage.isObject()) {
      return;
    }
    reported = true;
    input = count(usage, "input_tokens", input);
    output = count(usage, "output_tokens", output);
    cacheRead = count(usage, "cache_read_input_tokens", cacheRead);
    cacheCreation = count(usage, "cache_creation_input_tokens", cacheCreation);
  }

  /** The normalised usage, or null when the upstream reported none. */
  Usage usage() {
    if (!reported) {
      return null;
    }
    return new Usage(input + cacheRead + cacheCreation, output, cacheRead, cacheCreation, 0);
  }

  private static long count(JsonNode usage, String field, long current) {
    JsonNode value = usage.get(field);
    return value != null && value.canConvertToLong() && !value.isNull() ? value.asLong() : current;
  }
}
