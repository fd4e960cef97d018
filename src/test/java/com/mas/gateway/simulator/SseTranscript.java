package com.mas.gateway.simulator;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * An SSE body read by the WHATWG rules, the same way for the simulator's streams and for the
 * recorded transcripts: lines end in CRLF, LF or CR; {@code :} lines are comments; {@code event}
 * names an event, {@code data} lines join with LF; a blank line dispatches. An event that never
 * got its blank line (a cut stream) is dropped, as a client would drop it.
 */
final class SseTranscript {

  /** One dispatched event: its name (null when none was given) and its data. */
  record Event(String name, String data) {
    JsonObject json() {
      return new JsonObject(data);
    }
  }

  private SseTranscript() {}

  static List<Event> parse(String body) {
    List<Event> events = new ArrayList<>();
    String name = null;
    StringBuilder data = null;
    for (String line : lines(body)) {
      if (line.isEmpty()) {
        if (data != null) {
          events.add(new Event(name, data.toString()));
        }
        name = null;
        data = null;
      } else if (!line.startsWith(":")) {
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        value = value.startsWith(" ") ? value.substring(1) : value;
        if (field.equals("event")) {
          name = value;
        } else if (field.equals("data")) {
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
      }
    }
    return events;
  }

  /** "CRLF", "LF" or "CR" when every line ends the same way, else "mixed". */
  static String lineEndings(String body) {
    int crlf = 0;
    int lf = 0;
    int cr = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
        crlf++;
        i++;
      } else if (c == '\r') {
        cr++;
      } else if (c == '\n') {
        lf++;
      }
    }
    int kinds = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
    return kinds != 1 ? "mixed" : crlf > 0 ? "CRLF" : lf > 0 ? "LF" : "CR";
  }

  /** The names of the events, in order. */
  static List<String> names(List<Event> events) {
    return events.stream().map(Event::name).toList();
  }

  private static List<String> lines(String body) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\r' || c == '\n') {
        lines.add(body.substring(start, i));
        if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    // Text after the last line end is an unfinished line: never dispatched.
    return lines;
  }
}
