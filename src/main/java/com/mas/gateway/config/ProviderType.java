package com.mas.gateway.config;

/** The wire protocol a provider speaks; decides which client and translation it gets. */
public enum ProviderType {
  /** OpenAI chat completions, or any server that speaks it (vLLM, Azure-compatible proxies). */
  OPENAI,
  /** DeepSeek: OpenAI-compatible with reasoning_content, keep-alive comments and usage on the finish chunk. */
  DEEPSEEK;

  /**
   * The official base URL, as the provider's own SDK defaults to it. Clients append {@code
   * /chat/completions} and {@code /models} to a base URL, so OpenAI's includes {@code /v1}.
   */
  public String defaultBaseUrl() {
    return this == OPENAI ? "https://api.openai.com/v1" : "https://api.deepseek.com";
  }

  /** The name config uses for this type: {@code openai}, {@code deepseek}. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The type named in config ({@code openai}, {@code deepseek}), or null when unknown. */
  public static ProviderType parse(String name) {
    for (ProviderType type : values()) {
      if (type.name().equalsIgnoreCase(name)) {
        return type;
      }
    }
    return null;
  }
}
