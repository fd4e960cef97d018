package com.mas.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.config.ModelCapabilities;
import java.math.BigDecimal;

/**
 * Builds an Anthropic Messages request ({@code POST /v1/messages}) from a client's OpenAI chat
 * request. Nothing is sent when it throws: a request Anthropic cannot honour is refused with a
 * 400 naming the parameter.
 *
 * <table>
 *   <caption>OpenAI request fields and what they become</caption>
 *   <tr><th>OpenAI</th><th>Anthropic</th></tr>
 *   <tr><td>{@code model}</td><td>{@code model}: the upstream model id</td></tr>
 *   <tr><td>{@code messages}</td><td>{@code system} and alternating {@code messages}, see
 *       {@link ConversationMapper} and {@link ContentMapper}</td></tr>
 *   <tr><td>{@code max_completion_tokens}, else {@code max_tokens}</td><td>{@code max_tokens}
 *       (required by Anthropic). Neither given: the model's {@code defaultMaxTokens} from config,
 *       else {@value #DEFAULT_MAX_TOKENS}, plus the thinking budget, at most the model's
 *       {@code maxOutput}. A limit not above the thinking budget is refused</td></tr>
 *   <tr><td>{@code stop} (string or list)</td><td>{@code stop_sequences} (empty strings dropped)</td></tr>
 *   <tr><td>{@code temperature} (0..2)</td><td>{@code temperature} (0..1): values above 1 are
 *       clamped to 1, so that clients written for OpenAI's range keep working</td></tr>
 *   <tr><td>{@code top_p}</td><td>{@code top_p}</td></tr>
 *   <tr><td>{@code user}, else {@code safety_identifier}</td><td>{@code metadata.user_id}</td></tr>
 *   <tr><td>{@code stream}</td><td>{@code stream} (sent only when true)</td></tr>
 *   <tr><td>{@code tools}, {@code tool_choice}, {@code parallel_tool_calls},
 *       {@code response_format}</td><td>see {@link ToolMapper}</td></tr>
 *   <tr><td>{@code reasoning_effort}, or Anthropic's {@code thinking}</td><td>{@code thinking},
 *       see {@link Reasoning}; not sent while a tool loop is open (the conversation ends with
 *       tool results), since Anthropic then wants the previous turn's signed thinking blocks,
 *       which an OpenAI history cannot carry ("To avoid this requirement, disable
 *       thinking"), nor when it ends with an assistant turn to continue (Anthropic does not
 *       prefill an answer while thinking)</td></tr>
 *   <tr><td>refused with a 400 naming the field</td><td>{@code n} above 1, {@code logprobs: true},
 *       {@code top_logprobs}, a non-empty {@code logit_bias}, {@code audio}, {@code modalities}
 *       other than text, the legacy {@code functions} and {@code function_call},
 *       {@code web_search_options}</td></tr>
 *   <tr><td>ignored</td><td>{@code stream_options} (the gateway handles it), {@code seed},
 *       {@code frequency_penalty}, {@code presence_penalty}, {@code store}, {@code metadata},
 *       {@code service_tier}, {@code prediction}, {@code prompt_cache_key}, {@code verbosity},
 *       and fields the gateway does not know</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 */
final class RequestMapper {

  /** {@code max_tokens} when neither the client nor the model's config gives one. */
  static final long DEFAULT_MAX_TOKENS = 4096;

  private final ConversationMapper conversation;

  RequestMapper(ObjectMapper mapper) {
    this.conversation = new ConversationMapper(mapper);
  }

  /** The Anthropic body for {@code request}, addressed to {@code model}. */
  ObjectNode map(ObjectNode request, String model, ModelCapabilities capabilities) {
    refuseUnsupported(request);
    Reasoning reasoning = Reasoning.of(request);
    ObjectNode body = request.objectNode().put("model", model);
    body.put("max_tokens", maxTokens(request, capabilities, reasoning));
    conversation.map(request.get("messages"), body);
    ToolMapper.map(request, body, reasoning);
    sampling(request, body);
    JsonNode turns = body.get("messages");
    if (reasoning.thinking() != null && !ConversationMapper.endsWithToolResults(turns)
        && !ConversationMapper.endsWithAssistant(turns)) {
      body.set("thinking", reasoning.thinking());
    }
    if (request.path("stream").asBoolean(false)) {
      body.put("stream", true);
    }
    return body;
  }

  private static void refuseUnsupported(ObjectNode request) {
    if (request.path("n").asLong(1) > 1) {
      throw unsupported("n", "Anthropic models return one choice per request; 'n' must be 1.");
    }
    if (request.path("logprobs").asBoolean(false) || present(request, "top_logprobs")) {
      throw unsupported(request.path("logprobs").asBoolean(false) ? "logprobs" : "top_logprobs",
          "Anthropic models do not return log probabilities.");
    }
    if (request.path("logit_bias").size() > 0) {
      throw unsupported("logit_bias", "Anthropic models do not take 'logit_bias'.");
    }
    if (present(request, "audio") || hasModalityOtherThanText(request.path("modalities"))) {
      throw unsupported(present(request, "audio") ? "audio" : "modalities", "Anthropic models do not produce audio.");
    }
    for (String legacy : new String[] {"functions", "function_call"}) {
      if (present(request, legacy)) {
        throw unsupported(legacy, "The legacy '" + legacy + "' field cannot be sent to an Anthropic model; use "
            + "'tools' and 'tool_choice'.");
      }
    }
    if (present(request, "web_search_options")) {
      throw unsupported("web_search_options", "Web search is not available for Anthropic models through this gateway.");
    }
  }

  private static boolean hasModalityOtherThanText(JsonNode modalities) {
    for (JsonNode modality : modalities) {
      if (!"text".equals(modality.asText())) {
        return true;
      }
    }
    return false;
  }

  private static long maxTokens(ObjectNode request, ModelCapabilities capabilities, Reasoning reasoning) {
    String field = present(request, "max_completion_tokens") ? "max_completion_tokens"
        : present(request, "max_tokens") ? "max_tokens" : null;
    long max;
    if (field != null) {
      max = request.get(field).asLong();
    } else {
      field = reasoning.budget() > 0 ? "reasoning_effort" : "max_tokens";
      long base = capabilities.defaultMaxTokens() > 0 ? capabilities.defaultMaxTokens() : DEFAULT_MAX_TOKENS;
      max = base + reasoning.budget();
      if (capabilities.maxOutput() > 0) {
        max = Math.min(max, capabilities.maxOutput());
      }
    }
    if (reasoning.budget() > 0 && max <= reasoning.budget()) {
      throw GatewayException.badRequest(field, "Invalid '" + field + "': the output limit (" + max + " tokens) "
          + "must be larger than the thinking budget (" + reasoning.budget() + " tokens).");
    }
    return max;
  }

  private static void sampling(ObjectNode request, ObjectNode body) {
    JsonNode temperature = request.get("temperature");
    if (temperature != null && temperature.isNumber()) {
      boolean aboveOne = temperature.decimalValue().compareTo(BigDecimal.ONE) > 0;
      body.set("temperature", aboveOne ? body.numberNode(1) : temperature);
    }
    JsonNode topP = request.get("top_p");
    if (topP != null && topP.isNumber()) {
      body.set("top_p", topP);
    }
    stopSequences(request.get("stop"), body);
    JsonNode user = present(request, "user") ? request.get("user") : request.get("safety_identifier");
    if (user != null && user.isTextual() && !user.asText().isEmpty()) {
      body.putObject("metadata").put("user_id", user.asText());
    }
  }

  private static void stopSequences(JsonNode stop, ObjectNode body) {
    if (stop == null || stop.isNull()) {
      return;
    }
    ArrayNode sequences = body.arrayNode();
    if (stop.isTextual()) {
      addStop(stop, sequences);
    } else {
      for (JsonNode sequence : stop) {
        if (!sequence.isTextual()) {
          throw GatewayException.badRequest("stop", "Invalid 'stop': expected a string or an array of strings.");
        }
        addStop(sequence, sequences);
      }
    }
    if (!sequences.isEmpty()) {
      body.set("stop_sequences", sequences);
    }
  }

  private static void addStop(JsonNode sequence, ArrayNode sequences) {
    if (!sequence.asText().isEmpty()) {
      sequences.add(sequence);
    }
  }

  private static boolean present(ObjectNode request, String field) {
    JsonNode node = request.get(field);
    return node != null && !node.isNull();
  }

  private static GatewayException unsupported(String param, String message) {
    return new GatewayException(400, "invalid_request_error", "unsupported_parameter", param, message);
  }
}
