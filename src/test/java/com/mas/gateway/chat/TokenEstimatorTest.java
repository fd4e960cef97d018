package com.mas.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.config.ModelCapabilities;
import org.junit.jupiter.api.Test;

class TokenEstimatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void counts_ascii_as_a_quarter_token_and_han_as_a_whole_one() throws Exception {
    long english = TokenEstimator.inputTokens(request("{\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(400) + "\"}]}"));
    long chinese = TokenEstimator.inputTokens(request("{\"messages\":[{\"role\":\"user\",\"content\":\"" + "保湿".repeat(50) + "\"}]}"));
    long emoji = TokenEstimator.inputTokens(request("{\"messages\":[{\"role\":\"user\",\"content\":\"😀😀\"}]}"));

    assertThat(english).isEqualTo(100 + 4);
    assertThat(chinese).isEqualTo(100 + 4);
    assertThat(emoji).as("a surrogate pair is one code point").isEqualTo(2 + 4);
  }

  @Test
  void counts_parts_images_tool_calls_and_tool_definitions() throws Exception {
    long withImage = TokenEstimator.inputTokens(request("""
        {"messages":[{"role":"user","content":[{"type":"text","text":"abcd"},
          {"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}]}"""));
    long bare = TokenEstimator.inputTokens(request("{\"messages\":[{\"role\":\"user\",\"content\":\"abcd\"}]}"));
    long withTools = TokenEstimator.inputTokens(request("""
        {"messages":[{"role":"user","content":"abcd"}],
         "tools":[{"type":"function","function":{"name":"find_product","parameters":{"type":"object"}}}]}"""));

    assertThat(withImage).isGreaterThanOrEqualTo(bare + 85);
    assertThat(withTools).isGreaterThan(bare);
  }

  @Test
  void maximum_output_comes_from_the_request_then_the_model_then_the_default() throws Exception {
    ModelCapabilities declared = new ModelCapabilities(true, true, true, 0, 8192, 0);
    ObjectNode asked = request("{\"messages\":[],\"max_tokens\":300}");
    ObjectNode silent = request("{\"messages\":[]}");

    assertThat(TokenEstimator.maxOutputTokens(RequestNeeds.of(asked), declared)).isEqualTo(300);
    assertThat(TokenEstimator.maxOutputTokens(RequestNeeds.of(silent), declared)).isEqualTo(8192);
    assertThat(TokenEstimator.maxOutputTokens(RequestNeeds.of(silent), ModelCapabilities.UNDECLARED))
        .isEqualTo(TokenEstimator.DEFAULT_MAX_OUTPUT);
    assertThat(TokenEstimator.worstCaseTokens(asked, declared)).isEqualTo(300);
  }

  private static ObjectNode request(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }
}
