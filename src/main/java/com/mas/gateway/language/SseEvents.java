package com.mas.gateway.language;

/** The shape of the events translators write to a client sink: {@code data: <json>\n\n}. */
final class SseEvents {

  /** Where the JSON of a data event starts. */
  static final int DATA_START = 6;
  /** Shorter events ({@code data: \n\n}) carry no JSON object. */
  static final int MIN_DATA_EVENT = 8;

  private SseEvents() {}

  /** True for one {@code data: {...}\n\n} event; false for {@code [DONE]}, comments and named events. */
  static boolean isDataEvent(byte[] event) {
    int n = event.length;
    return n > MIN_DATA_EVENT && event[0] == 'd' && event[1] == 'a' && event[2] == 't' && event[3] == 'a'
        && event[4] == ':' && event[5] == ' ' && event[DATA_START] == '{' && event[n - 2] == '\n' && event[n - 1] == '\n';
  }
}
