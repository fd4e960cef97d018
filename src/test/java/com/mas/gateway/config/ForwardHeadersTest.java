package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardHeadersTest {

  private final ProviderConfig provider = new ProviderConfig("p", ProviderType.OPENAI, "https://x", null, null, null,
      true, null, null, List.of("x-sim-*", "OpenAI-Beta", "author*"));

  @Test
  void forwards_listed_names_and_prefixes_case_insensitively() {
    assertThat(provider.forwards("x-sim-tokens")).isTrue();
    assertThat(provider.forwards("openai-beta")).isTrue();
    assertThat(provider.forwards("x-other")).isFalse();
    assertThat(provider.forwards("x-sim-")).isTrue();
    assertThat(provider.forwards("x-si")).isFalse();
  }

  @Test
  void never_forwards_credentials_even_when_a_rule_matches() {
    assertThat(provider.forwards("authorization")).isFalse();
  }

  @Test
  void forwards_nothing_by_default() {
    ProviderConfig plain = new ProviderConfig("p", ProviderType.OPENAI, "https://x", null, null, null, true, null,
        null, null);

    assertThat(plain.forwards("x-sim-tokens")).isFalse();
  }
}
