package com.mas.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

  @Test
  void writes_resets_as_durations_the_way_openai_does() {
    assertThat(RateLimitHeaders.duration(0)).isEqualTo("0s");
    assertThat(RateLimitHeaders.duration(11_200)).isEqualTo("12ms");
    assertThat(RateLimitHeaders.duration(1_000_000)).isEqualTo("1s");
    assertThat(RateLimitHeaders.duration(2_500_000)).isEqualTo("2.5s");
    assertThat(RateLimitHeaders.duration(59_925_000)).isEqualTo("59.925s");
    assertThat(RateLimitHeaders.duration(60_000_000)).isEqualTo("1m0s");
    assertThat(RateLimitHeaders.duration(360_000_000)).isEqualTo("6m0s");
    assertThat(RateLimitHeaders.duration(3_723_040_000L)).isEqualTo("1h2m3.04s");
  }

  @Test
  void rounds_retry_after_up_to_whole_seconds() {
    assertThat(RateLimitHeaders.retryAfterSeconds(1)).isEqualTo(1);
    assertThat(RateLimitHeaders.retryAfterSeconds(1_000_000)).isEqualTo(1);
    assertThat(RateLimitHeaders.retryAfterSeconds(1_000_001)).isEqualTo(2);
    assertThat(RateLimitHeaders.retryAfterSeconds(59_100_000)).isEqualTo(60);
  }
}
