package com.mas.gateway.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The pieces of an answer that continues after a partial answer ({@link Continuation}): the
 * answer's tokens from where the partial answer ends. The partial answer is matched by length
 * only, so a partial answer that is the start of this answer gets exactly the rest of it.
 * Without overlap a token the partial answer ends inside is continued from the cut; with an
 * overlap of n tokens the continuation starts n whole tokens back (a token cut in the middle
 * counting as one), as a model often starts by saying again what it said last. Lazy: a long
 * answer is never held whole.
 */
final class ContinuedText implements Iterator<String> {

  private final Iterator<String> tokens;
  private final Deque<String> first = new ArrayDeque<>();

  /**
   * @param tokens the whole answer's pieces, in order
   * @param prefixLength the length of the partial answer, in characters
   * @param overlapTokens how many of the partial answer's last tokens to say again
   */
  ContinuedText(Iterator<String> tokens, int prefixLength, int overlapTokens) {
    this.tokens = tokens;
    Deque<String> recent = new ArrayDeque<>();
    int seen = 0;
    while (seen < prefixLength && tokens.hasNext()) {
      String token = tokens.next();
      int end = seen + token.length();
      recent.addLast(token);
      if (recent.size() > Math.max(1, overlapTokens)) {
        recent.removeFirst();
      }
      if (end > prefixLength && overlapTokens == 0) {
        first.add(token.substring(prefixLength - seen)); // the rest of the token the cut fell in
      }
      seen = end;
    }
    if (overlapTokens > 0) {
      first.addAll(recent);
    }
  }

  @Override
  public boolean hasNext() {
    return !first.isEmpty() || tokens.hasNext();
  }

  @Override
  public String next() {
    if (!first.isEmpty()) {
      return first.removeFirst();
    }
    if (!tokens.hasNext()) {
      throw new NoSuchElementException();
    }
    return tokens.next();
  }
}
