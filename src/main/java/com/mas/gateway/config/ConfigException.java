package com.mas.gateway.config;

import java.util.Objects;

/**
 * A configuration that cannot be used. The message is always {@code <path>: <what is wrong>}, where
 * the path names the field ({@code providers.openai.timeouts.firstByte}, {@code
 * models[2].provider}), the environment variable ({@code GATEWAY_PORT}), the command-line option
 * ({@code --config}) or the file at fault. Messages never contain a secret value.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;

  /**
   * @param path the field, variable, option or file at fault
   * @param problem what is wrong with it, e.g. {@code expected a duration like 30s, got "abc"}
   */
  public ConfigException(String path, String problem) {
    this(path, problem, null);
  }

  /** Same as {@link #ConfigException(String, String)}, keeping the underlying cause. */
  public ConfigException(String path, String problem, Throwable cause) {
    super(
        Objects.requireNonNull(path, "path") + ": " + Objects.requireNonNull(problem, "problem"),
        cause);
    this.path = path;
    this.problem = problem;
  }

  /** The field path, variable, option or file at fault. */
  public String path() {
    return path;
  }

  /** What is wrong, without the path. */
  public String problem() {
    return problem;
  }
}
