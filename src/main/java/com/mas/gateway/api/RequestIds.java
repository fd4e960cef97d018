package com.mas.gateway.api;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Request ids: the client's {@code x-request-id} when it is sane, else a new random one. */
final class RequestIds {

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

  private RequestIds() {}

  static String from(String clientValue) {
    if (clientValue != null && SANE.matcher(clientValue).matches()) {
      return clientValue;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "req_" + Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
  }
}
