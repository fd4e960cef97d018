package com.mas.gateway.simulator;

import static com.mas.gateway.simulator.ProviderRequests.gemini;
import static com.mas.gateway.simulator.ProviderRequests.geminiGenerate;
import static com.mas.gateway.simulator.ProviderRequests.geminiHeaders;
import static com.mas.gateway.simulator.ProviderRequests.geminiStream;
import static com.mas.gateway.simulator.ProviderRequests.withGeminiTool;
import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.testkit.Conformance;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our Gemini answers, read with the same SSE rules as Google's recordings
 * (conformance/gemini), have the recordings' framing, chunk fields and error bodies.
 */
@ExtendWith(VertxExtension.class)
class GeminiConformanceTest {

  private static final String MODEL = "gemini-2.0-flash";

  /** Fields newer models send that the gemini-2.0-flash recordings lack. */
  private static final Set<String> NEWER_FIELDS = Set.of("candidates[].index", "responseId");

  private SimulatorClient client;

  @BeforeEach
  void start(Vertx vertx) {
    client = SimulatorClient.start(vertx, SimulatorOptions.defaults());
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void text_stream_has_the_framing_and_chunk_fields_of_the_recording() {
    String recordedBody = Conformance.text("gemini/stream_text.sse");
    List<SseTranscript.Event> recorded = SseTranscript.parse(recordedBody);

    SimulatorClient.Exchange reply = client.post(geminiStream(MODEL), gemini("hi").encode(),
        geminiHeaders(null, "x-sim-tokens", Integer.toString(recorded.size())));

    assertThat(SseTranscript.lineEndings(reply.body()))
        .isEqualTo(SseTranscript.lineEndings(recordedBody)).isEqualTo("CRLF");
    List<SseTranscript.Event> ours = reply.sse();
    assertThat(SseTranscript.names(ours)).isEqualTo(SseTranscript.names(recorded))
        .containsOnlyNulls();
    for (int i = 0; i < ours.size(); i++) {
      JsonObject mine = ours.get(i).json();
      JsonObject theirs = recorded.get(i).json();
      assertThat(JsonFields.missingFrom(mine, theirs)).as("chunk %d lacks", i).isEmpty();
      assertThat(JsonFields.missingFrom(theirs, mine)).as("chunk %d adds", i)
          .isSubsetOf(NEWER_FIELDS);
    }
  }

  @Test
  void function_call_chunk_has_the_fields_of_the_recording() {
    List<SseTranscript.Event> recorded =
        SseTranscript.parse(Conformance.text("gemini/stream_function_call.sse"));
    JsonObject theirs = recorded.get(recorded.size() - 1).json();

    List<SseTranscript.Event> ours = client.post(geminiStream("gemini-2.5-flash"),
        withGeminiTool(gemini("weather?")).encode(), geminiHeaders(null)).sse();

    assertThat(ours).hasSize(1);
    JsonObject mine = ours.get(0).json();
    // The recording thinks first: its signature and thought count are not ours to copy.
    assertThat(JsonFields.missingFrom(mine, theirs)).containsExactlyInAnyOrder(
        "candidates[].content.parts[].thoughtSignature", "usageMetadata.thoughtsTokenCount");
    assertThat(JsonFields.missingFrom(theirs, mine)).containsExactlyInAnyOrder(
        "candidates[].content.parts[].functionCall.args.query",
        "usageMetadata.candidatesTokensDetails", "usageMetadata.candidatesTokensDetails[].modality",
        "usageMetadata.candidatesTokensDetails[].tokenCount");
  }

  @Test
  void midstream_error_has_the_structure_of_the_transcript() {
    String recordedBody = Conformance.text("gemini/stream_error_midstream.sse");
    List<SseTranscript.Event> recorded = SseTranscript.parse(recordedBody);

    SimulatorClient.Exchange reply =
        client.post(geminiStream("sim-error-1"), gemini("hi").encode(), Map.of());

    List<SseTranscript.Event> ours = reply.sse();
    assertThat(SseTranscript.lineEndings(reply.body())).isEqualTo("CRLF");
    assertThat(ours).hasSameSizeAs(recorded);
    assertThat(JsonFields.missingFrom(ours.get(0).json(), recorded.get(0).json())).isEmpty();
    assertThat(ours.get(1).json()).isEqualTo(recorded.get(1).json());
  }

  @Test
  void non_streamed_response_has_the_fields_of_the_recording() {
    JsonObject theirs = new JsonObject(Conformance.text("gemini/nonstream.json"));

    JsonObject mine = client.post(geminiGenerate(MODEL), gemini("hi").encode(), Map.of()).json();

    assertThat(JsonFields.missingFrom(mine, theirs)).allMatch(path ->
        path.startsWith("candidates[].safetyRatings") || path.equals("candidates[].avgLogprobs"));
    assertThat(JsonFields.missingFrom(theirs, mine)).isSubsetOf(NEWER_FIELDS);
  }

  @Test
  void overloaded_body_is_byte_for_byte_the_recorded_one() {
    SimulatorClient.Exchange reply =
        client.post(geminiGenerate("sim-status-503"), gemini("hi").encode(), Map.of());

    assertThat(reply.body()).isEqualTo(Conformance.text("gemini/errors/503_UNAVAILABLE.json"));
  }

  @Test
  void rate_limit_body_has_the_recorded_details() {
    JsonObject theirs = new JsonObject(Conformance.text("gemini/errors/429_RESOURCE_EXHAUSTED.json"));

    JsonObject mine = client.post(geminiGenerate("sim-status-429"), gemini("hi").encode(),
        Map.of()).json();

    assertThat(JsonFields.of(mine)).isEqualTo(JsonFields.of(theirs));
    assertThat(detailTypes(mine)).isEqualTo(detailTypes(theirs));
  }

  @Test
  void bad_key_body_has_the_recorded_shape_without_echoing_the_key(Vertx vertx) {
    JsonObject theirs =
        new JsonObject(Conformance.text("gemini/errors/400_INVALID_ARGUMENT_api_key.json"));
    SimulatorClient guarded =
        SimulatorClient.start(vertx, SimulatorOptions.defaults().withApiKey("AIza-right"));

    JsonObject mine = guarded.post(geminiGenerate(MODEL), gemini("hi").encode(),
        geminiHeaders("AIza-wrong")).json();
    guarded.close();

    JsonObject error = mine.getJsonObject("error");
    JsonObject recordedError = theirs.getJsonObject("error");
    assertThat(error.getString("message")).isEqualTo(recordedError.getString("message"));
    assertThat(error.getString("status")).isEqualTo(recordedError.getString("status"));
    // The recording's DebugInfo repeats the key sent; the simulator never does.
    assertThat(detailTypes(mine)).isEqualTo(detailTypes(theirs).subList(0, 2));
    assertThat(error.getJsonArray("details").getJsonObject(0))
        .isEqualTo(recordedError.getJsonArray("details").getJsonObject(0));
  }

  @Test
  void not_found_and_permission_bodies_have_the_recorded_status_and_top_fields() {
    for (String name : List.of("403_PERMISSION_DENIED", "404_NOT_FOUND")) {
      JsonObject theirs = new JsonObject(Conformance.text("gemini/errors/" + name + ".json"));
      String status = name.substring(0, 3);

      JsonObject mine = client.post(geminiGenerate("sim-status-" + status), gemini("hi").encode(),
          Map.of()).json();

      assertThat(mine.getJsonObject("error").fieldNames())
          .isEqualTo(theirs.getJsonObject("error").fieldNames());
      assertThat(mine.getJsonObject("error").getString("status"))
          .isEqualTo(theirs.getJsonObject("error").getString("status"));
    }
  }

  private static List<String> detailTypes(JsonObject body) {
    JsonArray details = body.getJsonObject("error").getJsonArray("details");
    return details.stream().map(detail -> ((JsonObject) detail).getString("@type")).toList();
  }
}
