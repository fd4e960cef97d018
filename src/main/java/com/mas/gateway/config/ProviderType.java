package com.mas.gateway.config;

/** The wire protocol a provider speaks; decides which client and translation it gets. */
public enum ProviderType {
  /** OpenAI chat completions, or any server that speaks it (vLLM, Azure-compatible proxies). */
  OPENAI,
  /** DeepSeek: OpenAI-compatible with reasoning_content, keep-alive comments and usage on the finish chunk. */
  DEEPSEEK,
  /** Anthropic Messages API ({@code POST /v1/messages}), translated both ways. */
  ANTHROPIC,
  /** Google Gemini generateContent API ({@code /v1beta/models/...}), translated both ways. */
  GEMINI;

  /**
   * The official base URL, as the provider's own SDK defaults to it. OpenAI-compatible clients append
   * {@code /chat/completions} to a base URL, so OpenAI's includes {@code /v1}; Anthropic's and
   * Gemini's are hosts, to which {@code /v1/messages} and {@code /v1beta/models/...} are appended.
   */
  public String defaultBaseUrl() {
    return switch (this) {
      case OPENAI -> "https://api.openai.com/v1";
      case DEEPSEEK -> "https://api.deepseek.com";
      case ANTHROPIC -> "https://api.anthropic.com";
      case GEMINI -> "https://generativelanguage.googleapis.com";
    };
  }

  /** The name config uses for this type: {@code openai}, {@code deepseek}. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The type named in config ({@code openai}, {@code deepseek}, {@code anthropic}, {@code gemini}), or null when unknown. */
  public static ProviderType parse(String name) {
    for (ProviderType type : values()) {
      if (type.name().equalsIgnoreCase(name)) {
        return type;
      }
    }
    return null;
  }
}
