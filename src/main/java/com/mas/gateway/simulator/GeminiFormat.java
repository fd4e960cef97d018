package com.mas.gateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Gemini generateContent format: {@code POST /v1beta/models/{model}:generateContent} and
 * {@code :streamGenerateContent?alt=sse} (also under {@code /v1}), the key in
 * {@code x-goog-api-key} (or the older {@code ?key=}), the body's {@code contents},
 * {@code systemInstruction}, {@code tools[].functionDeclarations}, {@code toolConfig} and
 * {@code generationConfig} (proto-JSON: lowerCamelCase or snake_case names), and Google's
 * error bodies. Answers are written by {@link GeminiWire}.
 */
final class GeminiFormat implements WireFormat {

  static final String KEY_HEADER = "x-goog-api-key";

  /** The model and the method of a Gemini path. */
  static final Pattern PATH = Pattern.compile(
      "/v1(?:beta)?/models/([^/:]+):(generateContent|streamGenerateContent)");

  private static final List<String> FINISH_REASONS = List.of("STOP", "MAX_TOKENS", "SAFETY",
      "RECITATION", "LANGUAGE", "OTHER", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII",
      "MALFORMED_FUNCTION_CALL", "IMAGE_SAFETY", "UNEXPECTED_TOOL_CALL");

  private final ApiKeyCheck apiKey;

  GeminiFormat(ApiKeyCheck apiKey) {
    this.apiKey = apiKey;
  }

  @Override
  public void admit(HttpServerRequest request) {
    String sent = request.getHeader(KEY_HEADER);
    if (sent == null) {
      sent = request.getParam("key");
    }
    // Google answers a missing or wrong key alike: 400 with reason API_KEY_INVALID.
    if (apiKey.required() && (sent == null || !apiKey.accepts(sent))) {
      throw GeminiErrors.apiKeyInvalid();
    }
  }

  @Override
  public ChatCall read(HttpServerRequest request, String body) {
    Matcher path = PATH.matcher(request.path());
    if (!path.matches()) {
      throw unknownRoute(request.method().name(), request.path());
    }
    boolean stream = path.group(2).equals("streamGenerateContent");
    if (stream && !"sse".equals(request.getParam("alt"))) {
      throw GeminiErrors.invalidArgument("The simulator streams streamGenerateContent only as"
          + " server-sent events: add ?alt=sse.");
    }
    JsonNode root = RequestBodies.object(body, () -> GeminiErrors.invalidArgument(
        "Invalid JSON payload received. The request body is not a JSON object."));
    JsonNode contents = contents(root);
    Continuation continuation = Continuation.of(contents, "model", "parts");
    JsonNode generation = field(root, "generationConfig", "generation_config");
    JsonNode seed = generation.path("seed");
    JsonNode calling = field(field(root, "toolConfig", "tool_config"),
        "functionCallingConfig", "function_calling_config");
    String choice = toolChoice(calling.path("mode").asText(""));
    return new ChatCall(
        path.group(1),
        stream,
        true,
        seed.canConvertToLong() ? seed.asLong() : null,
        maxOutputTokens(generation),
        promptTokens(field(root, "systemInstruction", "system_instruction"), contents),
        RequestBodies.hash(Continuation.seeding(contents, continuation)),
        toolNames(root.path("tools")),
        choice,
        "required".equals(choice) ? firstAllowed(calling) : null,
        RequestBodies.strings(field(generation, "stopSequences", "stop_sequences")),
        continuation == null ? null : continuation.prefix());
  }

  @Override
  public List<String> finishReasons() {
    return FINISH_REASONS;
  }

  @Override
  public WireError statusFault(int status, int retryAfterSeconds, String model) {
    // Gemini documents no retry-after header: the delay travels in the body's RetryInfo.
    return GeminiErrors.forStatus(status, retryAfterSeconds, model);
  }

  @Override
  public WireError failure() {
    return GeminiErrors.unavailable();
  }

  @Override
  public WireError unknownRoute(String method, String path) {
    return new WireError(404, "Method not found.", "NOT_FOUND", null, null);
  }

  @Override
  public WireError bodyTooLarge() {
    return GeminiErrors.invalidArgument("Request payload size exceeds the limit: "
        + SimulatorRoutes.MAX_BODY_BYTES + " bytes.");
  }

  @Override
  public WireError internalError() {
    return GeminiErrors.internal();
  }

  @Override
  public String errorBody(WireError error, String requestId) {
    return GoogleJson.pretty(GeminiErrors.json(error));
  }

  @Override
  public AnswerWire answer(ChatCall call, AnswerPlan plan, String requestId) {
    return new GeminiWire(call, plan);
  }

  /** A field under its proto-JSON name, or its proto name as Google's REST examples write it. */
  private static JsonNode field(JsonNode node, String camel, String snake) {
    JsonNode value = node.path(camel);
    return value.isMissingNode() ? node.path(snake) : value;
  }

  private static JsonNode contents(JsonNode root) {
    JsonNode contents = root.path("contents");
    if (!contents.isArray() || contents.isEmpty()) {
      throw GeminiErrors.invalidArgument(
          "* GenerateContentRequest.contents: contents is not specified\n");
    }
    return contents;
  }

  private static Integer maxOutputTokens(JsonNode generation) {
    String name = generation.has("max_output_tokens") ? "max_output_tokens" : "maxOutputTokens";
    return RequestBodies.positive(generation, name, () -> GeminiErrors.invalidArgument(
        "* GenerateContentRequest.generation_config.max_output_tokens: must be positive\n"));
  }

  private static int promptTokens(JsonNode system, JsonNode contents) {
    long chars = RequestBodies.textChars(system.path("parts"));
    for (JsonNode content : contents) {
      chars += RequestBodies.textChars(content.path("parts"));
    }
    return RequestBodies.promptTokens(chars);
  }

  private static List<String> toolNames(JsonNode tools) {
    List<String> names = new ArrayList<>();
    for (JsonNode tool : tools) {
      for (JsonNode function : field(tool, "functionDeclarations", "function_declarations")) {
        String name = function.path("name").textValue();
        if (name != null) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** Gemini's calling mode in the simulator's words: ANY forces a call. */
  private static String toolChoice(String mode) {
    return switch (mode.toUpperCase(Locale.ROOT)) {
      case "AUTO", "VALIDATED" -> "auto";
      case "ANY" -> "required";
      case "NONE" -> "none";
      default -> null;
    };
  }

  private static String firstAllowed(JsonNode calling) {
    List<String> allowed = RequestBodies.strings(
        field(calling, "allowedFunctionNames", "allowed_function_names"));
    return allowed.isEmpty() ? null : allowed.get(0);
  }
}
