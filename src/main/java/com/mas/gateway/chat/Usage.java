package com.mas.gateway.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Token usage of one answer, normalised across providers so that pricing never counts a token
 * twice. It follows OpenAI's conventions: {@code promptTokens} is every input token, cached
 * reads ({@code cachedTokens}) and cache writes ({@code cacheWriteTokens}) included;
 * {@code completionTokens} is every output token, reasoning ({@code reasoningTokens}) included.
 * Anthropic reports cache reads and writes beside its input count, Gemini thoughts beside its
 * candidates count; their translators add them up into this shape.
 */
public record Usage(
    long promptTokens, long completionTokens, long cachedTokens, long cacheWriteTokens, long reasoningTokens) {

  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  /** This usage and {@code other} together, as two attempts at one answer used them. */
  public Usage plus(Usage other) {
    return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
        cachedTokens + other.cachedTokens, cacheWriteTokens + other.cacheWriteTokens,
        reasoningTokens + other.reasoningTokens);
  }

  /** Input tokens billed at the plain input price: neither read from nor written to a cache. */
  public long uncachedPromptTokens() {
    return Math.max(0, promptTokens - cachedTokens - cacheWriteTokens);
  }

  /**
   * Reads an OpenAI-shaped {@code usage} object; missing fields count as zero. Cached reads are
   * {@code prompt_tokens_details.cached_tokens}, else DeepSeek's {@code prompt_cache_hit_tokens}.
   */
  public static Usage fromOpenAi(JsonNode usage) {
    JsonNode cached = usage.path("prompt_tokens_details").path("cached_tokens");
    return new Usage(
        usage.path("prompt_tokens").asLong(),
        usage.path("completion_tokens").asLong(),
        cached.isNumber() ? cached.asLong() : usage.path("prompt_cache_hit_tokens").asLong(),
        0,
        usage.path("completion_tokens_details").path("reasoning_tokens").asLong());
  }

  /** Writes this usage into {@code target} the way OpenAI reports it. */
  public ObjectNode writeOpenAi(ObjectNode target) {
    target.put("prompt_tokens", promptTokens);
    target.put("completion_tokens", completionTokens);
    target.put("total_tokens", totalTokens());
    target.putObject("prompt_tokens_details").put("cached_tokens", cachedTokens);
    target.putObject("completion_tokens_details").put("reasoning_tokens", reasoningTokens);
    return target;
  }
}
