package com.mas.gateway.config;

/**
 * Rate limits of one tenant, or of one agent type within a tenant. Zero means no limit.
 *
 * @param requestsPerMinute requests admitted per minute
 * @param tokensPerMinute input plus output tokens per minute (reserved before the call as the
 *     input estimate plus the maximum output, settled with the real usage after)
 * @param concurrentStreams requests in flight at once
 */
public record LimitConfig(long requestsPerMinute, long tokensPerMinute, long concurrentStreams) {

  public static final LimitConfig NONE = new LimitConfig(0, 0, 0);

  public boolean isEmpty() {
    return requestsPerMinute == 0 && tokensPerMinute == 0 && concurrentStreams == 0;
  }
}
