package com.mas.gateway.simulator;

import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Gives every request an id: the {@code x-request-id} it came with, or a new one in OpenAI's
 * style ({@code req_} and 32 hex digits). The id goes back in the response header of the same
 * name and keys the request's {@link Observation}.
 */
final class RequestIds {

  static final String HEADER = "x-request-id";

  /** The routing-context key under which the id is kept for later handlers. */
  static final String CONTEXT_KEY = "simulator.requestId";

  /** Incoming ids longer than this are replaced rather than echoed. */
  static final int MAX_LENGTH = 200;

  private static final SecureRandom RANDOM = new SecureRandom();

  private RequestIds() {}

  /** Route handler: assigns the id, sets the response header and passes the request on. */
  static void assign(RoutingContext ctx) {
    String incoming = ctx.request().getHeader(HEADER);
    String id = usable(incoming) ? incoming.trim() : generate();
    ctx.put(CONTEXT_KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  static String of(RoutingContext ctx) {
    return ctx.get(CONTEXT_KEY);
  }

  private static boolean usable(String id) {
    return id != null && !id.isBlank() && id.length() <= MAX_LENGTH
        && id.chars().allMatch(c -> c > 0x20 && c < 0x7F);
  }

  private static String generate() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "req_" + HexFormat.of().formatHex(bytes);
  }
}
