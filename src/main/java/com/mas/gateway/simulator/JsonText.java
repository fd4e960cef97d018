package com.mas.gateway.simulator;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.security.SecureRandom;

/**
 * JSON text written by hand on the streaming path, where building a tree per token would cost
 * more than the event itself, and the random ids the providers put in it.
 */
final class JsonText {

  private static final String ID_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private JsonText() {}

  /** The text as a JSON string literal, quotes included. */
  static String quoted(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  /** {@code length} random letters and digits, as provider ids use after their prefix. */
  static String randomId(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
    }
    return text.toString();
  }
}
