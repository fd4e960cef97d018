package com.mas.gateway.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Simulator} listens and answers when a request does not say otherwise (request
 * headers override the answer settings, see {@link SimulatorControls}). The {@code with*}
 * methods return a copy with one field changed.
 *
 * @param host the interface to bind
 * @param port the port to bind; 0 picks a free one
 * @param apiKey the key clients must send, in whichever header their wire format uses
 *     ({@code Authorization: Bearer}, {@code x-api-key}, {@code x-goog-api-key}); null or empty
 *     accepts any key or none
 * @param timeToFirstToken the delay before the first content event
 * @param tokensPerSecond the pace after the first token; zero or less writes as fast as the
 *     client reads
 * @param answerTokens how many tokens an answer has unless the request caps it
 * @param language the language answers are written in
 */
public record SimulatorOptions(
    String host,
    int port,
    String apiKey,
    Duration timeToFirstToken,
    double tokensPerSecond,
    int answerTokens,
    AnswerLanguage language) {

  public SimulatorOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
    Objects.requireNonNull(language, "language");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (timeToFirstToken.isNegative()) {
      throw new IllegalArgumentException("timeToFirstToken must not be negative");
    }
    if (!Double.isFinite(tokensPerSecond)) {
      throw new IllegalArgumentException("tokensPerSecond must be a finite number");
    }
    if (answerTokens < 1) {
      throw new IllegalArgumentException("answerTokens must be at least 1, was " + answerTokens);
    }
  }

  /** 127.0.0.1, an ephemeral port, any key, no delay, unlimited rate, 64 English tokens. */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions(
        "127.0.0.1", 0, null, Duration.ZERO, 0, 64, AnswerLanguage.ENGLISH);
  }

  /** True when requests must carry the key, in the key header of their wire format. */
  public boolean requiresKey() {
    return apiKey != null && !apiKey.isEmpty();
  }

  public SimulatorOptions withHost(String value) {
    return new SimulatorOptions(
        value, port, apiKey, timeToFirstToken, tokensPerSecond, answerTokens, language);
  }

  public SimulatorOptions withPort(int value) {
    return new SimulatorOptions(
        host, value, apiKey, timeToFirstToken, tokensPerSecond, answerTokens, language);
  }

  public SimulatorOptions withApiKey(String value) {
    return new SimulatorOptions(
        host, port, value, timeToFirstToken, tokensPerSecond, answerTokens, language);
  }

  public SimulatorOptions withTimeToFirstToken(Duration value) {
    return new SimulatorOptions(
        host, port, apiKey, value, tokensPerSecond, answerTokens, language);
  }

  public SimulatorOptions withTokensPerSecond(double value) {
    return new SimulatorOptions(
        host, port, apiKey, timeToFirstToken, value, answerTokens, language);
  }

  public SimulatorOptions withAnswerTokens(int value) {
    return new SimulatorOptions(
        host, port, apiKey, timeToFirstToken, tokensPerSecond, value, language);
  }

  public SimulatorOptions withLanguage(AnswerLanguage value) {
    return new SimulatorOptions(
        host, port, apiKey, timeToFirstToken, tokensPerSecond, answerTokens, value);
  }

  @Override
  public String toString() {
    // The key never reaches a log line.
    return "SimulatorOptions[host=" + host + ", port=" + port
        + ", apiKey=" + (requiresKey() ? "****" : "<any>")
        + ", timeToFirstToken=" + timeToFirstToken + ", tokensPerSecond=" + tokensPerSecond
        + ", answerTokens=" + answerTokens + ", language=" + language.tag() + "]";
  }
}
