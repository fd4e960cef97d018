package com.mas.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UsageCostTest {

  private static Buffer spliced(String json, long micros) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ChunkScan scan = ChunkScan.of(bytes);
    return UsageCost.splice(Buffer.buffer(bytes), scan.usageEnd(), micros);
  }

  @Test
  void adds_the_cost_inside_the_usage_object_and_leaves_every_other_byte_alone() {
    String chunk = "{\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,"
        + "\"total_tokens\":21,\"prompt_tokens_details\":{\"cached_tokens\":0}},\"system_fingerprint\":\"fp\"}";

    String result = spliced(chunk, 1_234).toString();

    assertThat(result).isEqualTo(chunk.replace("{\"cached_tokens\":0}}", "{\"cached_tokens\":0},\"cost_usd\":0.001234}"));
    assertThat(new JsonObject(result).getJsonObject("usage").getValue("cost_usd")).hasToString("0.001234");
  }

  @Test
  void an_empty_usage_object_gets_no_leading_comma() {
    assertThat(spliced("{\"usage\":{ }}", 0).toString()).isEqualTo("{\"usage\":{ \"cost_usd\":0.000000}}");
  }

  @Test
  void whitespace_before_the_closing_brace_is_kept() {
    String result = spliced("{\"usage\": {\"prompt_tokens\": 1 \n}}", 5).toString();

    assertThat(result).isEqualTo("{\"usage\": {\"prompt_tokens\": 1 \n,\"cost_usd\":0.000005}}");
    assertThat(new JsonObject(result).getJsonObject("usage").getInteger("prompt_tokens")).isEqualTo(1);
  }
}
