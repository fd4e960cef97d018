package com.mas.gateway.config;

/**
 * What one upstream model can do, as declared in config. A request that needs a capability its
 * target lacks is refused with a 400 before it is sent; routing uses the same data to choose
 * another target.
 *
 * @param vision accepts image input
 * @param tools accepts tool (function) definitions
 * @param jsonOutput honours {@code response_format} JSON object or schema output
 * @param contextWindow input plus output tokens the model can hold; 0 when not declared
 * @param maxOutput the most output tokens one answer may ask for; 0 when not declared
 * @param defaultMaxTokens {@code max_tokens} sent when the client gives none and the provider
 *     requires one (Anthropic); 0 for the provider's default
 */
public record ModelCapabilities(
    boolean vision, boolean tools, boolean jsonOutput, long contextWindow, long maxOutput, long defaultMaxTokens) {

  /** A model nothing is declared for: every feature allowed, no limits known. */
  public static final ModelCapabilities UNDECLARED = new ModelCapabilities(true, true, true, 0, 0, 0);
}
