package com.mas.gateway.routing;

import com.mas.gateway.chat.RequestNeeds;
import java.util.Objects;

/**
 * What routing knows of one request when it plans where it goes.
 *
 * @param model the model or alias the client asked for
 * @param agentType the declared agent type (lowercase), or null
 * @param tenant the authenticated tenant's id
 * @param language the detected language tag; {@link #UNDETERMINED} until detection runs
 * @param needs what the request needs from its model
 * @param inputTokens the estimated input tokens
 * @param user the request's {@code user} field, or null; weighted routes keep one user on one target
 */
public record RouteRequest(String model, String agentType, String tenant, String language, RequestNeeds needs,
    long inputTokens, String user) {

  /** The BCP 47 tag for a language that was not determined. */
  public static final String UNDETERMINED = "und";

  public RouteRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(needs, "needs");
    language = language == null ? UNDETERMINED : language;
  }
}
