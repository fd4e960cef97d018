package com.mas.gateway.simulator;

import io.vertx.core.MultiMap;
import java.util.Locale;

/**
 * The per-request controls of the simulator, the same in every wire format (OpenAI, Anthropic
 * and Gemini; see {@link OpenAiWire}, {@link AnthropicWire} and {@link GeminiWire} for how each
 * writes an answer). Request headers override the {@link SimulatorOptions} the simulator was
 * started with; nothing here needs a restart.
 *
 * <h2>Answer</h2>
 * <table>
 * <caption>Answer controls</caption>
 * <tr><th>control</th><th>effect</th></tr>
 * <tr><td>body {@code seed} (OpenAI) or {@code generationConfig.seed} (Gemini), else header
 *     {@code x-sim-seed: <long>}, else a stable hash of the messages JSON ({@code messages},
 *     Gemini's {@code contents})</td><td>the seed of the answer: the text is exactly
 *     {@link SimulatedAnswer#text(long, AnswerLanguage, int)} for that seed, language and
 *     length, in every format; identical requests get identical answers</td></tr>
 * <tr><td>{@code x-sim-tokens: <n>}</td><td>the intended answer length in tokens (default
 *     {@link SimulatorOptions#answerTokens()}); at most {@value #MAX_TOKENS}</td></tr>
 * <tr><td>body {@code max_completion_tokens} or {@code max_tokens} (OpenAI), {@code max_tokens}
 *     (Anthropic, required there), {@code generationConfig.maxOutputTokens} (Gemini)</td>
 *     <td>caps the answer; when it is smaller than the intended length the answer stops there
 *     with {@code length} / {@code max_tokens} / {@code MAX_TOKENS}, otherwise {@code stop} /
 *     {@code end_turn} / {@code STOP}</td></tr>
 * <tr><td>{@code x-sim-language: en|zh-Hans|zh-Hant}</td><td>the answer language</td></tr>
 * <tr><td>{@code x-sim-ttft-ms: <ms>}</td><td>time to first token: the opening events (OpenAI's
 *     role chunk; Anthropic's {@code message_start}, {@code content_block_start} and
 *     {@code ping}) go at once, the first content event after this delay; a non-streamed
 *     answer comes after this delay plus the token pacing</td></tr>
 * <tr><td>{@code x-sim-tps: <tokens per second>}</td><td>the pace after the first token;
 *     0 or less writes as fast as the client reads</td></tr>
 * <tr><td>{@code x-sim-token-bytes: <n>}</td><td>repeats each token until it has at least
 *     {@code n} UTF-8 bytes (at most 1 MiB), to push megabytes through quickly</td></tr>
 * <tr><td>tools offered and forced (OpenAI {@code tool_choice} {@code "required"} or a named
 *     function; Anthropic {@code tool_choice} {@code any} or {@code tool}; Gemini
 *     {@code toolConfig.functionCallingConfig.mode: ANY}, optionally with
 *     {@code allowedFunctionNames}), or header {@code x-sim-tool-call: <name>} with tools
 *     offered</td><td>answers with one call to that function (the first tool when none is
 *     named) instead of text, arguments {@code {"query":"<seeded word>"}}; a tool choice of
 *     none, or no tools, always answers with text</td></tr>
 * <tr><td>{@code x-sim-tool-calls: <n>}</td><td>a tool-call answer makes n calls (1 to
 *     {@value #MAX_TOOL_CALLS}, default 1) to that function, call i with the answer's i-th word
 *     as its query: OpenAI streams them one after the other (indexes 0, 1, ...), Anthropic as
 *     consecutive {@code tool_use} blocks, Gemini as one chunk per call</td></tr>
 * <tr><td>the conversation ends with an assistant turn (OpenAI, Anthropic; Gemini's
 *     {@code model}), or with one followed by a user turn starting "Continue exactly where you
 *     stopped"</td><td>a continuation ({@link Continuation}): the answer the conversation
 *     before those turns gets (the same seed), from where the assistant turn's text ends, so
 *     the two together are the uninterrupted answer. Usage counts the continuation's tokens
 *     only; the prompt counts every turn</td></tr>
 * <tr><td>{@code x-sim-continue-overlap: <n>}</td><td>a continuation starts by saying again the
 *     partial answer's last n tokens (default 0), as models asked to continue often do</td></tr>
 * <tr><td>{@code x-sim-finish: <reason>}, or model {@code sim-finish-<reason>}</td><td>ends the
 *     answer with that finish reason, spelled as the request's format spells it (any case):
 *     OpenAI {@code stop|length|tool_calls|content_filter}; Anthropic
 *     {@code end_turn|max_tokens|stop_sequence|tool_use|refusal} ({@code stop_sequence}
 *     reports the request's first {@code stop_sequences} entry, else
 *     {@value #DEFAULT_STOP_SEQUENCE}); Gemini {@code STOP|MAX_TOKENS|SAFETY|RECITATION|
 *     MALFORMED_FUNCTION_CALL|...} (see {@link GeminiWire}). A reason the format does not
 *     have is answered with 400</td></tr>
 * <tr><td>body {@code stream_options.include_usage: true} (OpenAI)</td><td>adds the usage
 *     chunk ({@code "choices":[]}) before {@code [DONE]}; Anthropic and Gemini streams always
 *     carry usage</td></tr>
 * </table>
 *
 * <p>Usage, in every format: the prompt is the characters of the messages' text (system text
 * included) divided by four, rounded up, at least 1; the completion is the number of content
 * tokens (argument fragments for a tool call) in the answer.
 *
 * <h2>Faults</h2>
 * Chosen by header {@code x-sim-fault} or, when that header is absent, by the model name.
 * The header takes one fault, and for a status fault an optional {@code retry-after}, parts
 * separated by {@code ;}:
 * <table>
 * <caption>Fault controls</caption>
 * <tr><th>header value</th><th>model name</th><th>effect</th></tr>
 * <tr><td>{@code status=<400..599>[;retry-after=<s>]}</td><td>{@code sim-status-<code>}
 *     (429 adds {@code retry-after: 1})</td><td>that status with the format's error body for it
 *     (OpenAI 429 {@code rate_limit_exceeded}; Anthropic 529 {@code overloaded_error}; Gemini
 *     429 {@code RESOURCE_EXHAUSTED} with a {@code RetryInfo} detail, ...) and the
 *     {@code retry-after} header when given (Gemini puts the delay in the body only)</td></tr>
 * <tr><td>{@code reset}</td><td>{@code sim-reset}</td><td>closes the connection before any
 *     response header</td></tr>
 * <tr><td>{@code cut-after=<n>}</td><td>{@code sim-cut-<n>}</td><td>n answer events after the
 *     opening events, then the connection closes: the answer never ends. In a tool-call
 *     answer each event is an argument fragment, so a small n cuts inside the arguments</td></tr>
 * <tr><td>{@code cut-in-call=<i>}</td><td>{@code sim-cut-call-<i>}</td><td>a cut inside tool
 *     call i's arguments (from 0; after its first {@value #CALL_CUT_FRAGMENTS} fragments), the
 *     calls before it whole</td></tr>
 * <tr><td>{@code stall-after=<n>}</td><td>{@code sim-stall-<n>}</td><td>n answer events, then
 *     silence with the connection held open until the client leaves</td></tr>
 * <tr><td>{@code malformed-after=<n>}</td><td>{@code sim-malformed-<n>}</td><td>after n
 *     answer events one event with truncated JSON, then the answer goes on normally</td></tr>
 * <tr><td>{@code error-after=<n>}</td><td>{@code sim-error-<n>}</td><td>after n answer events
 *     the format's mid-stream error, then the stream ends: OpenAI's {@code server_error} event
 *     and {@code [DONE]}; Anthropic's {@code event: error} ({@code overloaded_error}), no
 *     {@code message_stop}; Gemini's {@code data: {"error":{"code":503,...}}}</td></tr>
 * </table>
 * A positional fault (cut, stall, malformed, error) whose n is not smaller than the answer
 * strikes where the answer would end (before OpenAI's finish chunk, Anthropic's
 * {@code content_block_stop}, Gemini's last chunk, which carries the finish reason). For a
 * non-streamed request those faults strike when the answer would be sent: cut closes the
 * connection, stall never answers, malformed sends a truncated JSON body with status 200,
 * error sends the format's error (OpenAI 500, Anthropic 529, Gemini 503). A header value the
 * simulator cannot read is answered with 400. Any other model name answers normally and is
 * echoed in the response.
 */
public final class SimulatorControls {

  public static final String SEED = "x-sim-seed";
  public static final String TOKENS = "x-sim-tokens";
  public static final String TIME_TO_FIRST_TOKEN_MS = "x-sim-ttft-ms";
  public static final String TOKENS_PER_SECOND = "x-sim-tps";
  public static final String LANGUAGE = "x-sim-language";
  public static final String TOKEN_BYTES = "x-sim-token-bytes";
  public static final String TOOL_CALL = "x-sim-tool-call";
  public static final String FAULT = "x-sim-fault";
  public static final String FINISH = "x-sim-finish";
  public static final String TOOL_CALLS = "x-sim-tool-calls";
  public static final String CONTINUE_OVERLAP = "x-sim-continue-overlap";

  /** The most calls one tool-call answer may make. */
  public static final int MAX_TOOL_CALLS = 16;

  /** The longest answer a request may ask for. */
  public static final int MAX_TOKENS = 10_000_000;

  /** The stop sequence a forced Anthropic {@code stop_sequence} finish reports by default. */
  static final String DEFAULT_STOP_SEQUENCE = "END";

  private static final String FINISH_MODEL_PREFIX = "sim-finish-";

  /** Where {@code cut-in-call} cuts a call: after this many of its argument fragments. */
  static final int CALL_CUT_FRAGMENTS = 2;

  private SimulatorControls() {}

  /**
   * Decides the answer to a parsed request.
   *
   * @throws WireError a 400 naming the header that could not be read
   */
  static AnswerPlan plan(
      ChatCall call, MultiMap headers, SimulatorOptions options, WireFormat format) {
    try {
      String tool = toolName(call, headers);
      int intended = intValue(headers, TOKENS, options.answerTokens(), 1, MAX_TOKENS);
      Integer cap = call.maxTokens();
      boolean cut = cap != null && cap < intended;
      return new AnswerPlan(
          seed(call, headers),
          language(headers, options),
          cut ? cap : intended,
          tool != null ? AnswerPlan.Finish.TOOL_CALL
              : cut ? AnswerPlan.Finish.LENGTH : AnswerPlan.Finish.STOP,
          forcedFinish(call, headers, format),
          intValue(headers, TIME_TO_FIRST_TOKEN_MS,
              (int) Math.min(Integer.MAX_VALUE, options.timeToFirstToken().toMillis()),
              0, Integer.MAX_VALUE),
          tokensPerSecond(headers, options),
          intValue(headers, TOKEN_BYTES, 0, 0, SimulatedAnswer.MAX_TOKEN_BYTES),
          tool,
          call.promptTokens(),
          call.stopSequences().isEmpty() ? DEFAULT_STOP_SEQUENCE : call.stopSequences().get(0),
          fault(call, headers),
          intValue(headers, TOOL_CALLS, 1, 1, MAX_TOOL_CALLS),
          call.continuation(),
          intValue(headers, CONTINUE_OVERLAP, 0, 0, MAX_TOKENS));
    } catch (IllegalArgumentException e) {
      throw WireError.invalidRequest(e.getMessage(), null, "invalid_simulator_header");
    }
  }

  private static long seed(ChatCall call, MultiMap headers) {
    if (call.seed() != null) {
      return call.seed();
    }
    String header = headers.get(SEED);
    if (header == null) {
      return call.messagesHash();
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(SEED + " must be a whole number: " + header);
    }
  }

  private static AnswerLanguage language(MultiMap headers, SimulatorOptions options) {
    String header = headers.get(LANGUAGE);
    return header == null ? options.language() : AnswerLanguage.parse(header);
  }

  private static double tokensPerSecond(MultiMap headers, SimulatorOptions options) {
    String header = headers.get(TOKENS_PER_SECOND);
    if (header == null) {
      return options.tokensPerSecond();
    }
    try {
      double value = Double.parseDouble(header.trim());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(TOKENS_PER_SECOND + " must be a number: " + header);
  }

  private static String toolName(ChatCall call, MultiMap headers) {
    if (call.toolNames().isEmpty() || "none".equals(call.toolChoice())) {
      return null;
    }
    String header = headers.get(TOOL_CALL);
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    if (call.namedTool() != null) {
      return call.namedTool();
    }
    return "required".equals(call.toolChoice()) ? call.toolNames().get(0) : null;
  }

  private static String forcedFinish(ChatCall call, MultiMap headers, WireFormat format) {
    String asked = headers.get(FINISH);
    String model = call.model().toLowerCase(Locale.ROOT);
    if (asked == null && model.startsWith(FINISH_MODEL_PREFIX)) {
      asked = call.model().substring(FINISH_MODEL_PREFIX.length());
    }
    if (asked == null) {
      return null;
    }
    for (String reason : format.finishReasons()) {
      if (reason.equalsIgnoreCase(asked.trim())) {
        return reason;
      }
    }
    throw new IllegalArgumentException(
        FINISH + " must be one of " + format.finishReasons() + ": " + asked);
  }

  private static FaultPlan fault(ChatCall call, MultiMap headers) {
    String header = headers.get(FAULT);
    return header == null ? FaultPlan.forModel(call.model()) : FaultPlan.parse(header);
  }

  private static int intValue(MultiMap headers, String name, int fallback, int min, int max) {
    String header = headers.get(name);
    if (header == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(header.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a whole number from " + min + " to " + max + ": " + header);
  }
}
