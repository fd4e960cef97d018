package com.mas.gateway.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.Usage;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Translates a whole Anthropic {@code message} into an OpenAI {@code chat.completion}:
 * {@code id}, {@code model} and {@code usage} carried over ({@link UsageCounts}), the text
 * blocks joined into {@code choices[0].message.content}, {@code tool_use} blocks as
 * {@code tool_calls} (their {@code input} as the {@code arguments} string), thinking as
 * {@code reasoning_content} when the client opted in, and the stop reason as
 * {@code finish_reason} ({@link StopReasons}). With JSON output the forced tool's input is the
 * content. {@code content} is null when the answer is tool calls only, as OpenAI sends it.
 */
final class MessageBody {

  private MessageBody() {}

  /** The client's body for {@code upstreamBody}; records its usage in {@code usage}. */
  static Buffer translate(ObjectMapper mapper, Buffer upstreamBody, AnswerShape shape, UsageCounts usage,
      AnthropicErrors errors) {
    JsonNode message = read(mapper, upstreamBody);
    if ("error".equals(message.path("type").asText())) {
      throw errors.forEvent(upstreamBody);
    }
    usage.update(message.path("usage"));
    ObjectNode completion = mapper.createObjectNode()
        .put("id", message.path("id").asText())
        .put("object", "chat.completion")
        .put("created", System.currentTimeMillis() / 1000)
        .put("model", message.path("model").asText());
    ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
    choice.set("message", assistantMessage(message.path("content"), shape));
    choice.putNull("logprobs");
    choice.put("finish_reason", StopReasons.finishReason(message.path("stop_reason").textValue(), shape.jsonOutput()));
    Usage total = usage.usage();
    if (total != null) {
      total.writeOpenAi(completion.putObject("usage"));
    }
    try {
      return Buffer.buffer(mapper.writeValueAsBytes(completion));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a built tree always serialises", e);
    }
  }

  private static ObjectNode assistantMessage(JsonNode blocks, AnswerShape shape) {
    StringBuilder text = new StringBuilder();
    StringBuilder thinking = new StringBuilder();
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    ArrayNode calls = message.arrayNode();
    for (JsonNode block : blocks) {
      switch (block.path("type").asText()) {
        case "text" -> {
          if (!shape.jsonOutput()) {
            text.append(block.path("text").asText());
          }
        }
        case "tool_use" -> {
          if (shape.jsonOutput()) {
            text.append(block.path("input").toString());
          } else {
            addCall(calls, block);
          }
        }
        case "thinking" -> thinking.append(block.path("thinking").asText());
        default -> { } // redacted_thinking, server tool blocks
      }
    }
    message.put("role", "assistant");
    if (text.isEmpty() && !calls.isEmpty()) {
      message.putNull("content");
    } else {
      message.put("content", text.toString());
    }
    if (shape.reasoning() && !thinking.isEmpty()) {
      message.put("reasoning_content", thinking.toString());
    }
    if (!calls.isEmpty()) {
      message.set("tool_calls", calls);
    }
    return message;
  }

  private static void addCall(ArrayNode calls, JsonNode block) {
    ObjectNode call = calls.addObject().put("id", block.path("id").asText()).put("type", "function");
    JsonNode input = block.path("input");
    call.putObject("function").put("name", block.path("name").asText())
        .put("arguments", input.isObject() ? input.toString() : "{}");
  }

  private static JsonNode read(ObjectMapper mapper, Buffer body) {
    try {
      JsonNode root = mapper.readTree(body.getBytes());
      if (root != null && root.isObject()) {
        return root;
      }
    } catch (IOException e) {
      // refused below
    }
    throw GatewayException.badGateway("upstream_malformed_response", "The upstream provider sent a malformed response.");
  }
}
