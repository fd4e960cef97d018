package com.mas.gateway.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.api.GatewayException;

/**
 * Turns OpenAI {@code messages} into Anthropic's top-level {@code system} and alternating
 * {@code messages}:
 * <ul>
 *   <li>{@code system} and {@code developer} messages, wherever they stand, go to {@code system}
 *       in order: a string when there is one system message with string content, else text
 *       blocks (which keeps a part's {@code cache_control});
 *   <li>consecutive turns of one role merge into one turn with several content blocks;
 *       {@code tool} messages become {@code tool_result} blocks of a user turn, so consecutive
 *       tool results, and a user message after them, share one user turn (results first, as
 *       Anthropic requires);
 *   <li>an assistant's {@code tool_calls} become {@code tool_use} blocks after its text, their
 *       {@code arguments} parsed into {@code input} (empty arguments count as {@code {}});
 *   <li>a message left without content (e.g. an assistant's {@code ""}) is dropped, and a
 *       message's {@code name} is not sent (Anthropic has no such field);
 *   <li>Anthropic wants the first turn to be the user's. When the conversation starts with an
 *       assistant turn (a greeting the agent sent first), a user turn with the text
 *       {@value #OPENING} is put before it, rather than refusing a conversation OpenAI accepts;
 *   <li>a conversation that ends with an assistant turn asks Anthropic to continue it (prefill,
 *       how the gateway continues a broken answer); Anthropic refuses a final assistant text that
 *       ends in whitespace, so trailing whitespace is stripped from it (a text left empty is
 *       dropped);
 *   <li>a request with no user, assistant or tool message at all is refused with a 400.
 * </ul>
 * A single text block is written as a string content, the shape Anthropic's own examples use.
 */
final class ConversationMapper {

  /** The user turn put before a conversation that starts with the assistant. */
  static final String OPENING = "(start of conversation)";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectMapper mapper;

  ConversationMapper(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Writes {@code system} (when there is one) and {@code messages} of {@code body}. */
  void map(JsonNode messages, ObjectNode body) {
    ArrayNode system = NODES.arrayNode();
    int systemMessages = 0;
    boolean systemParts = false;
    ArrayNode turns = NODES.arrayNode();
    for (int i = 0; i < messages.size(); i++) {
      JsonNode message = messages.get(i);
      String path = "messages[" + i + "]";
      String role = message.path("role").asText();
      if ("system".equals(role) || "developer".equals(role)) {
        systemMessages++;
        systemParts |= message.path("content").isArray();
        system(message.get("content"), path, system);
      } else {
        add(turns, turnRole(role, path), blocks(message, role, path));
      }
    }
    writeSystem(body, system, systemMessages == 1 && !systemParts);
    body.set("messages", finish(turns));
  }

  private static String turnRole(String role, String path) {
    return switch (role) {
      case "user", "tool" -> "user";
      case "assistant" -> "assistant";
      default -> throw GatewayException.badRequest(path + ".role", "Invalid '" + path + ".role': the legacy '"
          + role + "' role cannot be sent to an Anthropic model; use tool messages.");
    };
  }

  private ArrayNode blocks(JsonNode message, String role, String path) {
    ArrayNode blocks = NODES.arrayNode();
    switch (role) {
      case "user" -> ContentMapper.user(message.get("content"), path, blocks);
      case "tool" -> blocks.add(toolResult(message, path));
      default -> {
        ContentMapper.assistant(message.get("content"), path, blocks);
        toolUses(message.get("tool_calls"), path + ".tool_calls", blocks);
      }
    }
    return blocks;
  }

  private static void system(JsonNode content, String path, ArrayNode system) {
    if (content != null && content.isArray()) {
      for (int j = 0; j < content.size(); j++) {
        if (!"text".equals(content.get(j).path("type").asText())) {
          String part = path + ".content[" + j + "]";
          throw GatewayException.badRequest(part, "Invalid '" + part + "': system messages take text parts only.");
        }
      }
    }
    ContentMapper.assistant(content, path, system);
  }

  private static void writeSystem(ObjectNode body, ArrayNode system, boolean asString) {
    if (system.isEmpty()) {
      return;
    }
    if (asString && system.size() == 1) {
      body.set("system", system.get(0).get("text"));
    } else {
      body.set("system", system);
    }
  }

  private static ObjectNode toolResult(JsonNode message, String path) {
    JsonNode id = message.get("tool_call_id");
    if (id == null || !id.isTextual() || id.asText().isEmpty()) {
      throw GatewayException.badRequest(path + ".tool_call_id",
          "Missing required parameter: '" + path + ".tool_call_id'.");
    }
    ObjectNode block = NODES.objectNode().put("type", "tool_result").put("tool_use_id", id.asText());
    JsonNode content = ContentMapper.toolResult(message.get("content"), path);
    if (content != null) {
      block.set("content", content);
    }
    return block;
  }

  private void toolUses(JsonNode calls, String path, ArrayNode blocks) {
    if (calls == null || calls.isNull()) {
      return;
    }
    for (int j = 0; j < calls.size(); j++) {
      JsonNode call = calls.get(j);
      String callPath = path + "[" + j + "]";
      JsonNode function = call.path("function");
      if (!call.path("id").isTextual() || !function.path("name").isTextual()) {
        throw GatewayException.badRequest(callPath, "Invalid '" + callPath + "': expected an object with an id and "
            + "function.name.");
      }
      blocks.addObject().put("type", "tool_use").put("id", call.get("id").asText())
          .put("name", function.get("name").asText())
          .set("input", input(function.path("arguments"), callPath + ".function.arguments"));
    }
  }

  /** The tool call's {@code arguments}, a JSON string, as the object Anthropic wants. */
  private JsonNode input(JsonNode arguments, String path) {
    String text = arguments.isTextual() ? arguments.asText() : arguments.isMissingNode() ? "" : null;
    if (text == null) {
      throw GatewayException.badRequest(path, "Invalid '" + path + "': expected a string of JSON.");
    }
    if (text.isBlank()) {
      return NODES.objectNode();
    }
    try {
      JsonNode input = mapper.readTree(text);
      if (input != null && input.isObject()) {
        return input;
      }
    } catch (JsonProcessingException e) {
      // refused below
    }
    throw GatewayException.badRequest(path, "Invalid '" + path + "': the arguments are not a JSON object, so "
        + "they cannot be sent to an Anthropic model as tool input.");
  }

  /**
   * True when {@code turns} end with tool results answering the assistant's tool calls: a tool
   * loop is open, and Anthropic would want that assistant turn's signed thinking blocks, which an
   * OpenAI history does not carry.
   */
  static boolean endsWithToolResults(JsonNode turns) {
    JsonNode last = turns.get(turns.size() - 1);
    return "user".equals(last.path("role").asText())
        && "tool_result".equals(last.path("content").path(0).path("type").asText());
  }

  private static void add(ArrayNode turns, String role, ArrayNode blocks) {
    if (blocks.isEmpty()) {
      return;
    }
    JsonNode last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
    if (last != null && role.equals(last.get("role").asText())) {
      ((ArrayNode) last.get("content")).addAll(blocks);
    } else {
      turns.addObject().put("role", role).set("content", blocks);
    }
  }

  /** True when the conversation ends with an assistant turn, which Anthropic continues (prefill). */
  static boolean endsWithAssistant(JsonNode turns) {
    return "assistant".equals(turns.get(turns.size() - 1).path("role").asText());
  }

  /** Strips the trailing whitespace Anthropic refuses at the end of a final assistant turn. */
  private static void stripFinalWhitespace(ArrayNode turns) {
    JsonNode last = turns.get(turns.size() - 1);
    ArrayNode blocks = (ArrayNode) last.get("content");
    JsonNode block = blocks.get(blocks.size() - 1);
    if (!"assistant".equals(last.get("role").asText()) || !"text".equals(block.path("type").asText())) {
      return;
    }
    String text = block.path("text").asText().stripTrailing();
    if (!text.isEmpty()) {
      ((ObjectNode) block).put("text", text);
      return;
    }
    blocks.remove(blocks.size() - 1);
    if (blocks.isEmpty()) {
      turns.remove(turns.size() - 1);
    }
  }

  private static ArrayNode finish(ArrayNode turns) {
    if (!turns.isEmpty()) {
      stripFinalWhitespace(turns);
    }
    if (turns.isEmpty()) {
      throw GatewayException.badRequest("messages", "Invalid 'messages': an Anthropic model needs at least one "
          + "user, assistant or tool message besides the system prompt.");
    }
    if ("assistant".equals(turns.get(0).get("role").asText())) {
      turns.insert(0, NODES.objectNode().put("role", "user").set("content",
          NODES.arrayNode().add(NODES.objectNode().put("type", "text").put("text", OPENING))));
    }
    for (JsonNode turn : turns) {
      JsonNode content = turn.get("content");
      if (content.size() == 1 && content.get(0).size() == 2 && "text".equals(content.get(0).path("type").asText())) {
        ((ObjectNode) turn).set("content", content.get(0).get("text"));
      }
    }
    return turns;
  }
}
