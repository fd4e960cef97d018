package com.mas.gateway.config;

import java.util.Objects;

/**
 * A model name clients may ask for, bound to one provider's upstream model. Names here win over
 * the well-known prefixes ({@code gpt-}, {@code deepseek-}, ...).
 *
 * @param name what the client sends as {@code model}
 * @param provider the configured provider that serves it
 * @param upstreamModel what is sent upstream as {@code model}
 */
public record ModelConfig(String name, String provider, String upstreamModel) {

  public ModelConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    upstreamModel = upstreamModel == null || upstreamModel.isBlank() ? name : upstreamModel;
  }
}
