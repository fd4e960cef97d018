package com.mas.gateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The Anthropic Messages format ({@code POST /v1/messages}): the key in {@code x-api-key} (or
 * an {@code Authorization: Bearer} token), a required {@code anthropic-version} header, the
 * Messages body with required {@code model}, {@code max_tokens} and {@code messages}, and
 * Anthropic's error bodies with a {@code request-id} header whose value is also the body's
 * {@code request_id}. Answers are written by {@link AnthropicWire}.
 */
final class AnthropicFormat implements WireFormat {

  static final String VERSION_HEADER = "anthropic-version";
  static final String KEY_HEADER = "x-api-key";

  private final ApiKeyCheck apiKey;

  AnthropicFormat(ApiKeyCheck apiKey) {
    this.apiKey = apiKey;
  }

  @Override
  public void admit(HttpServerRequest request) {
    String sent = request.getHeader(KEY_HEADER);
    if (sent == null) {
      sent = ApiKeyCheck.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
    }
    if (apiKey.required() && sent == null) {
      throw AnthropicErrors.missingKey();
    }
    if (!apiKey.accepts(sent)) {
      throw AnthropicErrors.wrongKey();
    }
    String version = request.getHeader(VERSION_HEADER);
    if (version == null || version.isBlank()) {
      throw AnthropicErrors.missingVersion();
    }
  }

  @Override
  public ChatCall read(HttpServerRequest request, String body) {
    JsonNode root = RequestBodies.object(body, AnthropicErrors::unreadableBody);
    String model = required(root, "model").asText();
    Integer maxTokens = RequestBodies.positive(root, "max_tokens", () ->
        AnthropicErrors.invalidField("max_tokens", "Input should be greater than or equal to 1"));
    if (maxTokens == null) {
      throw AnthropicErrors.fieldRequired("max_tokens");
    }
    JsonNode messages = messages(root);
    Continuation continuation = Continuation.of(messages, "assistant", "content");
    JsonNode toolChoice = root.path("tool_choice");
    return new ChatCall(
        model,
        root.path("stream").asBoolean(false),
        true,
        null,
        maxTokens,
        promptTokens(root.path("system"), messages),
        RequestBodies.hash(Continuation.seeding(messages, continuation)),
        toolNames(root.path("tools")),
        toolChoice(toolChoice.path("type").asText("")),
        "tool".equals(toolChoice.path("type").asText()) ? toolChoice.path("name").textValue() : null,
        RequestBodies.strings(root.path("stop_sequences")),
        continuation == null ? null : continuation.prefix());
  }

  @Override
  public List<String> finishReasons() {
    return List.of("end_turn", "max_tokens", "stop_sequence", "tool_use", "refusal");
  }

  @Override
  public WireError statusFault(int status, int retryAfterSeconds, String model) {
    return AnthropicErrors.forStatus(status, model).withRetryAfter(retryAfterSeconds);
  }

  @Override
  public WireError failure() {
    // The mid-stream overloaded_error "would normally correspond to an HTTP 529 in a
    // non-streaming context" (Anthropic's streaming docs, "Error events").
    return AnthropicErrors.overloaded();
  }

  @Override
  public WireError unknownRoute(String method, String path) {
    return AnthropicErrors.notFound();
  }

  @Override
  public WireError bodyTooLarge() {
    return AnthropicErrors.bodyTooLarge();
  }

  @Override
  public WireError internalError() {
    return AnthropicErrors.internal();
  }

  @Override
  public String errorBody(WireError error, String requestId) {
    return AnthropicErrors.body(error, requestId).encode();
  }

  @Override
  public void putHeaders(HttpServerResponse response, String requestId) {
    response.putHeader("request-id", requestId);
  }

  @Override
  public AnswerWire answer(ChatCall call, AnswerPlan plan, String requestId) {
    return new AnthropicWire(call, plan);
  }

  private static JsonNode required(JsonNode root, String field) {
    JsonNode value = root.path(field);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw AnthropicErrors.fieldRequired(field);
    }
    return value;
  }

  private static JsonNode messages(JsonNode root) {
    JsonNode messages = root.path("messages");
    if (!messages.isArray()) {
      throw AnthropicErrors.fieldRequired("messages");
    }
    if (messages.isEmpty()) {
      throw AnthropicErrors.invalidField("messages", "at least one message is required");
    }
    return messages;
  }

  private static int promptTokens(JsonNode system, JsonNode messages) {
    long chars = RequestBodies.textChars(system);
    for (JsonNode message : messages) {
      chars += RequestBodies.textChars(message.path("content"));
    }
    return RequestBodies.promptTokens(chars);
  }

  private static List<String> toolNames(JsonNode tools) {
    List<String> names = new ArrayList<>();
    for (JsonNode tool : tools) {
      String name = tool.path("name").textValue();
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  /** Anthropic's {@code tool_choice.type} in the simulator's words: any forces a call. */
  private static String toolChoice(String type) {
    return switch (type) {
      case "auto" -> "auto";
      case "none" -> "none";
      case "any" -> "required";
      default -> null;
    };
  }
}
