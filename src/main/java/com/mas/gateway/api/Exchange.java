package com.mas.gateway.api;

import com.mas.gateway.auth.Tenant;
import com.mas.gateway.chat.ChatRequest;
import com.mas.gateway.chat.CostQuote;
import com.mas.gateway.chat.RequestNeeds;
import com.mas.gateway.chat.TokenEstimator;
import com.mas.gateway.routing.RoutePlan;
import com.mas.gateway.routing.Target;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One client request on its way through the pipeline. Lives on the event loop that accepted the
 * request; stages fill its typed fields in order: tenant, request, language, plan; the dispatcher
 * sets the target and the number of each attempt.
 */
public final class Exchange {

  private final RoutingContext context;
  private final String requestId;
  private final long startNanos;
  private long upstreamReadNanos;
  private Tenant tenant;
  private ChatRequest request;
  private RoutePlan plan;
  private Target target;
  private int attempt;
  private String agentType;
  private String language;
  private RequestNeeds needs;
  private long inputTokens = -1;
  private Function<Target, CostQuote> costQuotes = target -> CostQuote.NONE;
  private AnswerFilter answerFilter = AnswerFilter.NONE;
  private List<Consumer<Completion>> completionHandlers;
  private boolean completed;

  public Exchange(RoutingContext context, String requestId) {
    this.context = context;
    this.requestId = requestId;
    this.startNanos = System.nanoTime();
  }

  public RoutingContext context() {
    return context;
  }

  public String requestId() {
    return requestId;
  }

  public long startNanos() {
    return startNanos;
  }

  /** When the upstream bytes last read for this request arrived (kept until the first event is out). */
  long upstreamReadNanos() {
    return upstreamReadNanos;
  }

  void upstreamRead(long nanos) {
    upstreamReadNanos = nanos;
  }

  public Tenant tenant() {
    return tenant;
  }

  public void tenant(Tenant value) {
    this.tenant = value;
  }

  public ChatRequest request() {
    return request;
  }

  /** Sets the request (a stage may rewrite it); its input-token estimate is made anew. */
  public void request(ChatRequest value) {
    if (value != request) { // a stage handing back the same request keeps the estimate made for it
      this.request = value;
      this.inputTokens = -1;
    }
  }

  /** Where the request may go, in order; set by the resolve stage. */
  public RoutePlan plan() {
    return plan;
  }

  /** Sets the plan and makes its first target the current one. */
  public void plan(RoutePlan value) {
    this.plan = value;
    this.target = value.primary();
  }

  /** The target of the current attempt: the plan's first until the dispatcher moves on. */
  public Target target() {
    return target;
  }

  public void target(Target value) {
    this.target = value;
  }

  /** The number of the current attempt, from 1; 0 before the dispatcher made one. */
  public int attempt() {
    return attempt;
  }

  /** Starts attempt number {@code number}, at {@code value}. */
  public void attempt(int number, Target value) {
    this.attempt = number;
    this.target = value;
  }

  /** What the request needs from its model; read from the body once, for every stage that asks. */
  public RequestNeeds needs() {
    if (needs == null) {
      needs = RequestNeeds.of(request.json());
    }
    return needs;
  }

  /** The request's input tokens as {@link TokenEstimator} estimates them; computed once. */
  public long estimatedInputTokens() {
    if (inputTokens < 0) {
      inputTokens = TokenEstimator.inputTokens(request.json());
    }
    return inputTokens;
  }

  /** The agent type the client declared ({@code X-Agent-Type} or {@code metadata.agent_type}), or null. */
  public String agentType() {
    return agentType;
  }

  public void agentType(String value) {
    this.agentType = value;
  }

  /**
   * The BCP 47 tag of the language the user writes ({@code zh-Hant}, {@code en}, {@code und}),
   * detected or declared; set by the language stage, null before it.
   */
  public String language() {
    return language;
  }

  public void language(String value) {
    this.language = value;
  }

  /** What is done to the answer on its way to the client; {@link AnswerFilter#NONE} unless a stage sets one. */
  public AnswerFilter answerFilter() {
    return answerFilter;
  }

  public void answerFilter(AnswerFilter value) {
    this.answerFilter = value;
  }

  /** How the current target's part of the answer is priced for the client. */
  public CostQuote costQuote() {
    return costQuote(target);
  }

  /** How {@code value}'s part of the answer is priced for the client; {@link CostQuote#NONE} when it has no price. */
  public CostQuote costQuote(Target value) {
    return costQuotes.apply(value);
  }

  /** Sets how each target of the plan is priced (at the prices in effect when the request started). */
  public void costQuotes(Function<Target, CostQuote> value) {
    this.costQuotes = value;
  }

  /**
   * Runs {@code handler} once when the request has ended, however it ended: a stage that took
   * something (a lease, a reservation) gives it back here.
   */
  public void onCompletion(Consumer<Completion> handler) {
    if (completionHandlers == null) {
      completionHandlers = new ArrayList<>(2);
    }
    completionHandlers.add(handler);
  }

  /** Ends the request for the completion handlers; only the first call counts. */
  public void complete(Completion completion) {
    if (completed) {
      return;
    }
    completed = true;
    if (completionHandlers != null) {
      completionHandlers.forEach(handler -> handler.accept(completion));
    }
  }
}
