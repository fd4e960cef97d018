package com.mas.gateway.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.language.Verdicts.Verdict;

/**
 * The language of a chat request: that of its latest user turn, read in one pass over at most
 * its first {@link #MAX_CHARS} chars. When that turn is too short to tell ({@code ok},
 * {@code 好的}, an emoji), earlier user turns, newest first, within the same budget, may settle
 * it: a Chinese turn without a telling character takes its script from the last turn that has
 * one, and a turn with no clear language takes the language of the last turn that has one.
 * Stateless and thread-safe.
 */
final class LanguageDetector {

  /** How much text is read per request, in UTF-16 chars (about 4 KB of Latin text). */
  static final int MAX_CHARS = 4096;

  private final CharTable table;

  LanguageDetector(CharTable table) {
    this.table = table;
  }

  /** The tag of {@code request}'s user turns; {@code und} when there is none or nothing tells. */
  String detect(ObjectNode request) {
    JsonNode messages = request.path("messages");
    int turn = previousUserTurn(messages, messages.size());
    if (turn < 0) {
      return Tags.UNDETERMINED;
    }
    ScriptTally latest = new ScriptTally(table);
    int budget = MAX_CHARS - read(messages.get(turn).path("content"), latest, MAX_CHARS);
    Verdict verdict = Verdicts.of(latest);
    while (!verdict.decisive() && budget > 0 && (turn = previousUserTurn(messages, turn)) >= 0) {
      ScriptTally earlier = new ScriptTally(table);
      budget -= read(messages.get(turn).path("content"), earlier, budget);
      Verdict settled = settle(verdict, Verdicts.of(earlier));
      if (settled != null) {
        return settled.tag();
      }
    }
    return verdict.tag();
  }

  /** The tag of one text, on its own. */
  String detect(CharSequence text) {
    ScriptTally tally = new ScriptTally(table);
    tally.add(text, MAX_CHARS);
    return Verdicts.of(tally).tag();
  }

  /** What an earlier turn decides for an undecided latest one, or null when it does not. */
  private static Verdict settle(Verdict latest, Verdict earlier) {
    if (!earlier.decisive()) {
      return null;
    }
    boolean chinese = Tags.language(latest.tag()).equals("zh");
    if (!chinese) {
      return earlier;
    }
    boolean tellsScript = earlier.tag().equals("ja") || Tags.chineseScript(earlier.tag()) != null;
    return tellsScript ? earlier : null;
  }

  private static int previousUserTurn(JsonNode messages, int before) {
    for (int i = before - 1; i >= 0; i--) {
      if ("user".equals(messages.get(i).path("role").asText())) {
        return i;
      }
    }
    return -1;
  }

  /** Counts a message's text (a string, or the text parts of an array) into {@code tally}; returns chars read. */
  private static int read(JsonNode content, ScriptTally tally, int budget) {
    if (content.isTextual()) {
      return tally.add(content.textValue(), budget);
    }
    int read = 0;
    for (JsonNode part : content) {
      JsonNode text = part.path("text");
      if (read < budget && text.isTextual()) {
        read += tally.add(text.textValue(), budget - read);
      }
    }
    return read;
  }
}
