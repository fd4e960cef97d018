package com.mas.gateway.testkit;

import java.util.ArrayList;
import java.util.List;

/** Reads the data payloads of a recorded SSE transcript (LF or CRLF), independently of the gateway's framer. */
public final class Transcripts {

  private Transcripts() {}

  public static List<String> payloads(String sse) {
    List<String> payloads = new ArrayList<>();
    for (String block : sse.replace("\r\n", "\n").split("\n\n")) {
      StringBuilder data = null;
      for (String line : block.split("\n")) {
        if (line.startsWith("data:")) {
          String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
      }
      if (data != null) {
        payloads.add(data.toString());
      }
    }
    return payloads;
  }
}
