package com.mas.gateway.chat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Token usage of one answer, in OpenAI's conventions: {@code promptTokens} includes cached
 * tokens and {@code completionTokens} includes reasoning tokens.
 */
public record Usage(long promptTokens, long completionTokens, long cachedTokens, long reasoningTokens) {

  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  /** Reads an OpenAI-shaped {@code usage} object; missing fields count as zero. */
  public static Usage fromOpenAi(JsonNode usage) {
    return new Usage(
        usage.path("prompt_tokens").asLong(),
        usage.path("completion_tokens").asLong(),
        usage.path("prompt_tokens_details").path("cached_tokens").asLong(),
        usage.path("completion_tokens_details").path("reasoning_tokens").asLong());
  }
}
