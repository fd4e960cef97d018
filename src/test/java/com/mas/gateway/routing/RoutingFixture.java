package com.mas.gateway.routing;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.chat.RequestNeeds;
import com.mas.gateway.config.ConfigLoader;
import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.resilience.AttemptGuard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A router built from a real YAML file, with four providers whose declared capabilities differ,
 * a clock the test moves, and breakers the test opens by hand (the breakers of the resilience
 * package are another feature; routing only asks them {@code available}).
 */
final class RoutingFixture {

  static final Target GPT = new Target("openai", "gpt-4o");
  static final Target MINI = new Target("openai", "gpt-4o-mini");
  static final Target CLAUDE = new Target("anthropic", "claude-sonnet-4-5");
  static final Target GEMINI = new Target("gemini", "gemini-2.5-flash");
  static final Target DEEPSEEK = new Target("deepseek", "deepseek-chat");

  /** deepseek-chat takes no images and no more than 8192 output tokens; gpt-4o-mini has no JSON mode here. */
  static final String PROVIDERS = """
      providers:
        openai:
          type: openai
          baseUrl: http://127.0.0.1:9/v1
          models: [gpt-4o, {id: gpt-4o-mini, jsonOutput: false}]
        anthropic: {type: anthropic, baseUrl: "http://127.0.0.1:9", models: [claude-sonnet-4-5]}
        gemini: {type: gemini, baseUrl: "http://127.0.0.1:9", models: [gemini-2.5-flash]}
        deepseek:
          type: deepseek
          baseUrl: http://127.0.0.1:9
          models: [{id: deepseek-chat, vision: false, maxOutput: 8192}]
      """;

  final AtomicLong clock = new AtomicLong(1_750_000_000_000L);
  final Breakers breakers = new Breakers();
  final RouterVerticle router;

  RoutingFixture(Path dir, String yaml) {
    router = new RouterVerticle(load(dir, PROVIDERS + yaml), breakers, new SimpleMeterRegistry(), clock::get);
  }

  static GatewayConfig load(Path dir, String yaml) {
    try {
      Path file = Files.writeString(dir.resolve("routing.yaml"), yaml);
      return ConfigLoader.load(file, Map.of("GATEWAY_API_KEY", "k")).config();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RoutePlan plan(RouteRequest request) {
    return router.routes().plan(request);
  }

  Target first(RouteRequest request) {
    return plan(request).primary();
  }

  TargetScores scores() {
    return (TargetScores) router.feedback();
  }

  /** A request for {@code model} from tenant {@code acme}, nothing special about it. */
  static Ask ask(String model) {
    return new Ask(model, null, "acme", RouteRequest.UNDETERMINED, new RequestNeeds(false, false, false, 0), 100,
        null);
  }

  /** A request under construction. */
  record Ask(String model, String agentType, String tenant, String language, RequestNeeds needs, long tokens,
      String user) {

    Ask agent(String value) {
      return new Ask(model, value, tenant, language, needs, tokens, user);
    }

    Ask tenant(String value) {
      return new Ask(model, agentType, value, language, needs, tokens, user);
    }

    Ask language(String value) {
      return new Ask(model, agentType, tenant, value, needs, tokens, user);
    }

    Ask needs(boolean vision, boolean tools, boolean json) {
      return new Ask(model, agentType, tenant, language, new RequestNeeds(vision, tools, json, needs.maxOutputTokens()),
          tokens, user);
    }

    Ask maxTokens(long value) {
      return new Ask(model, agentType, tenant, language,
          new RequestNeeds(needs.vision(), needs.tools(), needs.jsonOutput(), value), tokens, user);
    }

    Ask tokens(long value) {
      return new Ask(model, agentType, tenant, language, needs, value, user);
    }

    Ask user(String value) {
      return new Ask(model, agentType, tenant, language, needs, tokens, value);
    }

    RouteRequest request() {
      return new RouteRequest(model, agentType, tenant, language, needs, tokens, user);
    }
  }

  /** Breakers opened and closed by the test. */
  static final class Breakers implements AttemptGuard {

    private final Set<Target> open = ConcurrentHashMap.newKeySet();

    void open(Target target) {
      open.add(target);
    }

    void close(Target target) {
      open.remove(target);
    }

    @Override
    public boolean available(Target target) {
      return !open.contains(target);
    }

    @Override
    public <T> Future<T> guard(Target target, Supplier<Future<T>> attempt) {
      return available(target) ? attempt.get()
          : Future.failedFuture(new GatewayException(503, "server_error", "circuit_open", null, "open"));
    }
  }
}
