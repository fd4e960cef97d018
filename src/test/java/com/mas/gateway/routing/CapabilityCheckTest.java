package com.mas.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.RequestNeeds;
import com.mas.gateway.config.ModelCapabilities;
import org.junit.jupiter.api.Test;

class CapabilityCheckTest {

  private static final Target TARGET = new Target("claude", "claude-text");
  private static final ModelCapabilities TEXT_ONLY = new ModelCapabilities(false, false, false, 0, 8192, 0);

  @Test
  void reads_what_a_request_needs() throws Exception {
    RequestNeeds needs = RequestNeeds.of(json("""
        {"messages":[{"role":"user","content":[{"type":"text","text":"hi"},
          {"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}],
         "tools":[{"type":"function","function":{"name":"f"}}],
         "response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{}}},
         "max_tokens":10,"max_completion_tokens":20}"""));

    assertThat(needs).isEqualTo(new RequestNeeds(true, true, true, 20));
    assertThat(RequestNeeds.of(json("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
        + "\"response_format\":{\"type\":\"text\"},\"tools\":[]}"))).isEqualTo(new RequestNeeds(false, false, false, 0));
  }

  @Test
  void refuses_each_missing_capability_naming_the_parameter() {
    assertThat(refusal(new RequestNeeds(true, false, false, 0)).param()).isEqualTo("messages");
    assertThat(refusal(new RequestNeeds(false, true, false, 0)).param()).isEqualTo("tools");
    assertThat(refusal(new RequestNeeds(false, false, true, 0)).param()).isEqualTo("response_format");
    GatewayException tooLong = refusal(new RequestNeeds(false, false, false, 9000));
    assertThat(tooLong.param()).isEqualTo("max_tokens");
    assertThat(tooLong.getMessage()).contains("'claude/claude-text'", "8192", "9000");
    assertThat(refusal(new RequestNeeds(true, false, false, 0)))
        .returns(400, GatewayException::status)
        .returns("unsupported_capability", GatewayException::code);
  }

  @Test
  void passes_what_the_model_offers_and_anything_undeclared() {
    assertThatCode(() -> CapabilityCheck.require(new RequestNeeds(false, false, false, 8192), TEXT_ONLY, TARGET))
        .doesNotThrowAnyException();
    assertThatCode(() -> CapabilityCheck.require(
        new RequestNeeds(true, true, true, 1_000_000), ModelCapabilities.UNDECLARED, TARGET)).doesNotThrowAnyException();
  }

  private static GatewayException refusal(RequestNeeds needs) {
    return catchThrowableOfType(GatewayException.class, () -> CapabilityCheck.require(needs, TEXT_ONLY, TARGET));
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) new ObjectMapper().readTree(text);
  }
}
