package com.mas.gateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI chat-completions format ({@code POST /v1/chat/completions}, also
 * {@code /chat/completions} as DeepSeek's base URL has it): {@code Authorization: Bearer}
 * keys, the chat-completions body and OpenAI's error bodies. Answers are written by
 * {@link OpenAiWire}.
 */
final class OpenAiFormat implements WireFormat {

  private final ApiKeyCheck apiKey;

  OpenAiFormat(ApiKeyCheck apiKey) {
    this.apiKey = apiKey;
  }

  @Override
  public void admit(HttpServerRequest request) {
    if (!apiKey.required()) {
      return;
    }
    String sent = ApiKeyCheck.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (sent == null) {
      throw OpenAiErrors.missingKey();
    }
    if (!apiKey.accepts(sent)) {
      throw OpenAiErrors.wrongKey();
    }
  }

  @Override
  public ChatCall read(HttpServerRequest request, String body) {
    JsonNode root = RequestBodies.object(body, OpenAiErrors::unreadableBody);
    JsonNode model = root.path("model");
    if (!model.isTextual() || model.asText().isEmpty()) {
      throw WireError.invalidRequest("you must provide a model parameter", null, null);
    }
    JsonNode messages = messages(root);
    Continuation continuation = Continuation.of(messages, "assistant", "content");
    JsonNode toolChoice = root.path("tool_choice");
    return new ChatCall(
        model.asText(),
        root.path("stream").asBoolean(false),
        root.path("stream_options").path("include_usage").asBoolean(false),
        root.path("seed").canConvertToLong() ? root.path("seed").asLong() : null,
        maxTokens(root),
        promptTokens(messages),
        RequestBodies.hash(Continuation.seeding(messages, continuation)),
        toolNames(root.path("tools")),
        toolChoice.isTextual() ? toolChoice.asText() : null,
        toolChoice.path("function").path("name").textValue(),
        RequestBodies.strings(root.path("stop")),
        continuation == null ? null : continuation.prefix());
  }

  @Override
  public List<String> finishReasons() {
    return List.of("stop", "length", "tool_calls", "content_filter");
  }

  @Override
  public WireError statusFault(int status, int retryAfterSeconds, String model) {
    return OpenAiErrors.forStatus(status, model).withRetryAfter(retryAfterSeconds);
  }

  @Override
  public WireError failure() {
    return OpenAiErrors.serverError();
  }

  @Override
  public WireError unknownRoute(String method, String path) {
    return OpenAiErrors.unknownRoute(method, path);
  }

  @Override
  public WireError bodyTooLarge() {
    return OpenAiErrors.bodyTooLarge();
  }

  @Override
  public WireError internalError() {
    return OpenAiErrors.serverError();
  }

  @Override
  public String errorBody(WireError error, String requestId) {
    return OpenAiWire.errorBody(error.getMessage(), error.type(), error.param(), error.code())
        .encode();
  }

  @Override
  public AnswerWire answer(ChatCall call, AnswerPlan plan, String requestId) {
    return new OpenAiWire(call, plan);
  }

  private static JsonNode messages(JsonNode root) {
    JsonNode messages = root.path("messages");
    if (!messages.isArray()) {
      throw WireError.invalidRequest("Missing required parameter: 'messages'.",
          "messages", "missing_required_parameter");
    }
    if (messages.isEmpty()) {
      throw WireError.invalidRequest("Invalid 'messages': empty array. Expected an array with "
          + "minimum length 1, but got an empty array instead.", "messages", "empty_array");
    }
    return messages;
  }

  private static Integer maxTokens(JsonNode root) {
    String field = root.hasNonNull("max_completion_tokens") ? "max_completion_tokens"
        : "max_tokens";
    return RequestBodies.positive(root, field, () -> WireError.invalidRequest(
        "Invalid '" + field + "': expected an integer of at least 1.", field, "invalid_value"));
  }

  private static int promptTokens(JsonNode messages) {
    long chars = 0;
    for (JsonNode message : messages) {
      chars += RequestBodies.textChars(message.path("content"));
    }
    return RequestBodies.promptTokens(chars);
  }

  private static List<String> toolNames(JsonNode tools) {
    List<String> names = new ArrayList<>();
    for (JsonNode tool : tools) {
      String name = tool.path("function").path("name").textValue();
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }
}
