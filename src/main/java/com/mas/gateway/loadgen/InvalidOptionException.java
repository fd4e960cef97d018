package com.mas.gateway.loadgen;

/** A command-line option of {@code loadgen} is unknown, misses its value, or has a bad one. */
final class InvalidOptionException extends RuntimeException {
  InvalidOptionException(String message) {
    super(message, null, false, false);
  }
}
