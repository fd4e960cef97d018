package com.mas.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.config.ModelCapabilities;
import com.mas.gateway.testkit.Conformance;
import org.junit.jupiter.api.Test;

/**
 * The Anthropic requests of ../shared/conformance/anthropic ({@code request_full.json}, written
 * from documented shapes, and the {@code *.request.json} of the transcripts, see its README.md)
 * are exactly what {@link RequestMapper} makes of the equivalent OpenAI requests.
 */
class ConformanceRequestTest {

  private final RequestMapper mapper = new RequestMapper(Json.MAPPER);

  /** OpenAI's form of request_full.json: system as a text part, image as a data URL, tool call and result. */
  static final String FULL = """
      {"model": "claude-sonnet-4-20250514", "max_tokens": 1024, "stream": true,
       "messages": [
         {"role": "system", "content": [{"type": "text", "text": "You are a concise assistant."}]},
         {"role": "user", "content": [
           {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="}},
           {"type": "text", "text": "What is in this image?"}]},
         {"role": "assistant", "content": "A single white pixel."},
         {"role": "user", "content": "What's the weather in Paris?"},
         {"role": "assistant", "content": "I'll check the current weather in Paris for you.",
          "tool_calls": [{"id": "toolu_01NRLabsLyVHZPKxbKvkfSMn", "type": "function",
                          "function": {"name": "get_weather", "arguments": "{\\"location\\": \\"Paris\\"}"}}]},
         {"role": "tool", "tool_call_id": "toolu_01NRLabsLyVHZPKxbKvkfSMn", "content": "15 degrees, cloudy"}],
       "tools": [{"type": "function", "function": {"name": "get_weather",
         "description": "Get the current weather in a given location",
         "parameters": {"type": "object", "properties": {"location": {"type": "string",
           "description": "The city and state, e.g. San Francisco, CA"}}, "required": ["location"]}}}],
       "tool_choice": "auto"}
      """;

  /** OpenAI's form of stream_tool_use.request.json: tool_choice any is OpenAI's "required". */
  static final String TOOL_USE = """
      {"model": "claude-3-7-sonnet-20250219", "max_tokens": 1024, "stream": true,
       "tools": [{"type": "function", "function": {"name": "get_weather",
         "description": "Get the current weather in a given location",
         "parameters": {"type": "object", "properties": {"location": {"type": "string",
           "description": "The city and state, e.g. San Francisco, CA"}}, "required": ["location"]}}}],
       "tool_choice": "required",
       "messages": [{"role": "user", "content": "What is the weather like in San Francisco?"}]}
      """;

  @Test
  void request_full_is_what_the_openai_form_maps_to() {
    assertMapsTo(FULL, "anthropic/request_full.json");
  }

  @Test
  void stream_tool_use_request_is_what_the_openai_form_maps_to() {
    assertMapsTo(TOOL_USE, "anthropic/stream_tool_use.request.json");
  }

  @Test
  void plain_requests_have_the_same_form_in_both_protocols() {
    // stream_text, the error transcripts and nonstream use only fields both protocols share.
    for (String name : new String[] {"stream_text", "stream_error_overloaded", "stream_error_overloaded_observed",
        "nonstream"}) {
      String file = "anthropic/" + name + ".request.json";
      assertMapsTo(Conformance.text(file), file);
    }
  }

  @Test
  void stream_thinking_request_keeps_the_native_thinking_object() {
    // The client may send Anthropic's own thinking object; it goes upstream as given.
    String file = "anthropic/stream_thinking.request.json";
    assertMapsTo(Conformance.text(file), file);
  }

  private void assertMapsTo(String openAi, String anthropicFile) {
    ObjectNode request = Json.object(openAi);
    ObjectNode body = mapper.map(request, request.get("model").asText(), ModelCapabilities.UNDECLARED);
    JsonNode expected = Json.tree(Conformance.text(anthropicFile));
    assertThat(Json.reparsed(body)).isEqualTo(expected);
  }
}
