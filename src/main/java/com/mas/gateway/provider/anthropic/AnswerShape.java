package com.mas.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the answer translation must know about the request: whether the answer is JSON output
 * carried by the forced output tool (so tool input becomes message content, see
 * {@link ToolMapper}), and whether the client opted in to seeing thinking ({@link Reasoning}).
 *
 * @param jsonOutput {@code response_format} asked for {@code json_object} or {@code json_schema}
 * @param reasoning thinking deltas go to the client as {@code reasoning_content}
 */
record AnswerShape(boolean jsonOutput, boolean reasoning) {

  /** A plain answer: text and tool calls, no thinking. */
  static final AnswerShape PLAIN = new AnswerShape(false, false);

  static AnswerShape of(ObjectNode request) {
    String format = request.path("response_format").path("type").asText();
    boolean json = "json_object".equals(format) || "json_schema".equals(format);
    return new AnswerShape(json, Reasoning.of(request).enabled());
  }
}
