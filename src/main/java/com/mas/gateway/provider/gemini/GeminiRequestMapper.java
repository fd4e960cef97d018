package com.mas.gateway.provider.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.chat.ChatRequest;
import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * Builds the body of a Gemini {@code generateContent} / {@code streamGenerateContent} call from
 * the client's OpenAI chat request. Field by field:
 *
 * <table>
 *   <caption>OpenAI request field → Gemini</caption>
 *   <tr><th>OpenAI</th><th>Gemini</th></tr>
 *   <tr><td>{@code messages}</td>
 *       <td>{@code systemInstruction} + {@code contents} ({@link GeminiContents}, {@link ContentParts})</td></tr>
 *   <tr><td>{@code tools}, {@code tool_choice}</td>
 *       <td>{@code tools[0].functionDeclarations}, {@code toolConfig.functionCallingConfig}
 *       ({@link GeminiTools})</td></tr>
 *   <tr><td>{@code temperature}, {@code seed}</td><td>{@code generationConfig.temperature}, {@code .seed}</td></tr>
 *   <tr><td>{@code top_p}; {@code top_k} (a common extension)</td><td>{@code generationConfig.topP}; {@code .topK}</td></tr>
 *   <tr><td>{@code max_completion_tokens}, else {@code max_tokens}</td>
 *       <td>{@code generationConfig.maxOutputTokens}</td></tr>
 *   <tr><td>{@code stop} (string or array)</td><td>{@code generationConfig.stopSequences}</td></tr>
 *   <tr><td>{@code presence_penalty}, {@code frequency_penalty}</td>
 *       <td>{@code generationConfig.presencePenalty}, {@code .frequencyPenalty}</td></tr>
 *   <tr><td>{@code response_format} text / json_object / json_schema</td>
 *       <td>nothing / {@code responseMimeType: application/json} / the same plus {@code responseSchema}
 *       ({@link GeminiSchema}; {@code name} and {@code strict} ignored)</td></tr>
 *   <tr><td>{@code reasoning_effort} minimal / low / medium / high</td>
 *       <td>{@code thinkingConfig {includeThoughts: true, thinkingBudget: 512 / 1024 / 8192 / 24576}}; the
 *       thought summaries then stream as {@code reasoning_content}. Without it no thoughts are asked for,
 *       and any that come are dropped</td></tr>
 *   <tr><td>{@code reasoning_effort: none}</td>
 *       <td>{@code thinkingConfig {thinkingBudget: 0}} (thinking off where the model allows it)</td></tr>
 *   <tr><td>{@code n}</td><td>1 is accepted; more is refused (one candidate per answer keeps streaming,
 *       tool-call indexes and usage simple)</td></tr>
 *   <tr><td>{@code model}, {@code stream}, {@code stream_options}</td>
 *       <td>the URL and the response translation, not the body</td></tr>
 *   <tr><td>refused with a 400 naming the field</td>
 *       <td>{@code logprobs: true}, {@code top_logprobs}, a non-empty {@code logit_bias}, {@code audio},
 *       {@code modalities} other than text, {@code functions}, {@code function_call},
 *       {@code web_search_options}</td></tr>
 *   <tr><td>ignored</td>
 *       <td>{@code user}, {@code metadata}, {@code store}, {@code service_tier}, {@code parallel_tool_calls}
 *       (Gemini may always call several), {@code prediction}, {@code prompt_cache_key},
 *       {@code safety_identifier}, {@code verbosity}, and any field this table does not name</td></tr>
 * </table>
 * Stateless and thread-safe.
 */
final class GeminiRequestMapper {

  private static final Map<String, Integer> THINKING_BUDGETS = Map.of("minimal", 512, "low", 1024,
      "medium", 8192, "high", 24576);

  private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** The upstream body for {@code request}; throws a 400 {@code GatewayException} for what Gemini cannot take. */
  Buffer body(ChatRequest request) {
    try {
      return Buffer.buffer(mapper.writeValueAsBytes(map(request.json())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree always serialises", e);
    }
  }

  /** The Gemini request for the client's OpenAI JSON. */
  ObjectNode map(ObjectNode json) {
    refuseUnsupported(json);
    ObjectNode body = mapper.createObjectNode();
    new GeminiContents(mapper).write(json.get("messages"), body);
    GeminiTools.write(json, body);
    ObjectNode config = generationConfig(json);
    if (!config.isEmpty()) {
      body.set("generationConfig", config);
    }
    return body;
  }

  /** True when the client asked for thinking, so thought summaries go out as {@code reasoning_content}. */
  static boolean wantsThoughts(ObjectNode json) {
    JsonNode effort = json.get("reasoning_effort");
    return effort != null && effort.isTextual() && THINKING_BUDGETS.containsKey(effort.asText());
  }

  private static void refuseUnsupported(ObjectNode json) {
    if (json.path("n").asInt(1) > 1) {
      throw Refusals.unsupported("n", "The gateway asks Gemini for one answer per request; 'n' must be 1.");
    }
    if (json.path("logprobs").asBoolean(false) || present(json, "top_logprobs")) {
      throw Refusals.unsupported(present(json, "top_logprobs") ? "top_logprobs" : "logprobs",
          "Log probabilities are not available through the Gemini provider.");
    }
    if (json.path("logit_bias").size() > 0) {
      throw Refusals.unsupported("logit_bias", "Gemini has no logit bias.");
    }
    for (String field : new String[] {"audio", "functions", "function_call", "web_search_options"}) {
      if (present(json, field)) {
        throw Refusals.unsupported(field, "The parameter '" + field + "' is not supported by the Gemini provider.");
      }
    }
    for (JsonNode modality : json.path("modalities")) {
      if (!"text".equals(modality.asText())) {
        throw Refusals.unsupported("modalities", "The Gemini provider answers with text only.");
      }
    }
  }

  private ObjectNode generationConfig(ObjectNode json) {
    ObjectNode config = mapper.createObjectNode();
    copy(json, "temperature", config, "temperature");
    copy(json, "top_p", config, "topP");
    copy(json, "top_k", config, "topK");
    copy(json, present(json, "max_completion_tokens") ? "max_completion_tokens" : "max_tokens", config,
        "maxOutputTokens");
    stop(json.get("stop"), config);
    copy(json, "seed", config, "seed");
    copy(json, "presence_penalty", config, "presencePenalty");
    copy(json, "frequency_penalty", config, "frequencyPenalty");
    responseFormat(json.get("response_format"), config);
    thinking(json.get("reasoning_effort"), config);
    return config;
  }

  private static void copy(ObjectNode json, String from, ObjectNode config, String to) {
    JsonNode value = json.get(from);
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.isNumber()) {
      throw Refusals.invalid(from, "Invalid type for '" + from + "': expected a number.");
    }
    config.set(to, value);
  }

  private static void stop(JsonNode stop, ObjectNode config) {
    if (stop == null || stop.isNull() || stop.isEmpty() && stop.isArray()) {
      return;
    }
    ArrayNode sequences = config.putArray("stopSequences");
    if (stop.isTextual()) {
      sequences.add(stop);
      return;
    }
    for (int i = 0; i < stop.size(); i++) {
      if (!stop.get(i).isTextual()) {
        throw Refusals.invalid("stop[" + i + "]", "Invalid type for 'stop[" + i + "]': expected a string.");
      }
      sequences.add(stop.get(i));
    }
  }

  private static void responseFormat(JsonNode format, ObjectNode config) {
    if (format == null || format.isNull()) {
      return;
    }
    switch (format.path("type").asText()) {
      case "text" -> { }
      case "json_object" -> config.put("responseMimeType", "application/json");
      case "json_schema" -> {
        JsonNode schema = format.path("json_schema").get("schema");
        if (schema == null || !schema.isObject()) {
          throw Refusals.invalid("response_format.json_schema.schema",
              "Missing required parameter: 'response_format.json_schema.schema'.");
        }
        config.put("responseMimeType", "application/json");
        config.set("responseSchema", GeminiSchema.translate(schema, "response_format.json_schema.schema"));
      }
      default -> throw Refusals.invalid("response_format.type",
          "Invalid 'response_format.type': expected text, json_object or json_schema.");
    }
  }

  private static void thinking(JsonNode effort, ObjectNode config) {
    if (effort == null || effort.isNull()) {
      return;
    }
    if ("none".equals(effort.asText())) {
      config.putObject("thinkingConfig").put("thinkingBudget", 0);
      return;
    }
    Integer budget = effort.isTextual() ? THINKING_BUDGETS.get(effort.asText()) : null;
    if (budget == null) {
      throw Refusals.invalid("reasoning_effort",
          "Invalid 'reasoning_effort': expected none, minimal, low, medium or high.");
    }
    config.putObject("thinkingConfig").put("includeThoughts", true).put("thinkingBudget", budget);
  }

  private static boolean present(ObjectNode json, String field) {
    JsonNode value = json.get(field);
    return value != null && !value.isNull();
  }
}
