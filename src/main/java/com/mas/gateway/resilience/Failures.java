package com.mas.gateway.resilience;

import com.mas.gateway.api.GatewayException;

/** How an attempt's failure is classed for failover and for the breakers. */
public final class Failures {

  /** The code of the 503 a breaker answers with while it is open. */
  public static final String CIRCUIT_OPEN = "circuit_open";

  /** The code of the 503 for an attempt at a provider an operator switched off. */
  public static final String PROVIDER_DISABLED = "provider_disabled";

  private Failures() {}

  /**
   * True when another target might answer: connect errors, timeouts, 429, upstream 5xx (Anthropic
   * 529 and Gemini UNAVAILABLE or RESOURCE_EXHAUSTED arrive here as 503 or 429), an open breaker,
   * and the upstream refusing the gateway's credentials. A client's own mistake (400, 404, 413)
   * or a content-policy refusal is answered at once.
   */
  public static boolean retryable(GatewayException failure) {
    return failure.status() == 408 || failure.status() == 429 || failure.status() >= 500;
  }

  /**
   * True when the failure says the provider is unhealthy (counts against its breaker); a 429 does
   * not, nor do the gateway's own refusals (an open breaker, a provider switched off).
   */
  public static boolean countsAgainstProvider(GatewayException failure) {
    return failure.status() >= 500 && !CIRCUIT_OPEN.equals(failure.code())
        && !PROVIDER_DISABLED.equals(failure.code());
  }

  /** True when the provider refused the gateway's own credentials. */
  public static boolean credentialsRejected(GatewayException failure) {
    return "upstream_authentication_failed".equals(failure.code());
  }
}
