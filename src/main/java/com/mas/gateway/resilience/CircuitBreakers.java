package com.mas.gateway.resilience;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.config.BreakerConfig;
import com.mas.gateway.routing.Overrides;
import com.mas.gateway.routing.Target;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide circuit breakers, one per provider/model target, made on first use; every
 * event loop of the process shares them (lookups are lock-free). Each breaker's own changes go
 * to the {@link BreakerSharing} (Redis, so other instances follow within a second); changes other
 * instances made arrive through {@link #applyShared}. Operator overrides apply too: a disabled
 * provider fails fast, a forced one bypasses its breakers.
 *
 * <p>Meters: {@value #STATE} (a gauge per target: 0 closed, 1 half-open, 2 open) and
 * {@value #OPENED} (a counter per provider, exported as {@code mas_gateway_breaker_opened_total}).
 */
public final class CircuitBreakers implements AttemptGuard, TargetBreaker.Transitions {

  public static final String STATE = "mas_gateway_breaker_state";
  public static final String OPENED = "mas_gateway_breaker_opened";

  private static final Logger LOG = LoggerFactory.getLogger(CircuitBreakers.class);

  private final Vertx vertx;
  private final BreakerConfig config;
  private final MeterRegistry registry;
  private final BreakerSharing sharing;
  private final Map<Target, TargetBreaker> breakers = new ConcurrentHashMap<>();
  private volatile Overrides overrides = Overrides.NONE;
  private volatile Consumer<Target> trialListener = target -> {};

  public CircuitBreakers(Vertx vertx, BreakerConfig config, MeterRegistry registry, BreakerSharing sharing) {
    this.vertx = vertx;
    this.config = config;
    this.registry = registry;
    this.sharing = sharing;
  }

  public BreakerConfig config() {
    return config;
  }

  public BreakerSharing sharing() {
    return sharing;
  }

  @Override
  public boolean available(Target target) {
    Overrides current = overrides;
    if (current.disabledProviders().contains(target.provider())) {
      return false;
    }
    return current.forcedProviders().contains(target.provider()) || breaker(target).available();
  }

  @Override
  public <T> Future<T> guard(Target target, Supplier<Future<T>> attempt) {
    Overrides current = overrides;
    if (current.disabledProviders().contains(target.provider())) {
      return Future.failedFuture(new GatewayException(503, "server_error", Failures.PROVIDER_DISABLED, null,
          "Provider '" + target.provider() + "' is switched off by an operator."));
    }
    if (current.forcedProviders().contains(target.provider())) {
      return attempt.get();
    }
    return breaker(target).guard(attempt);
  }

  /** The operator overrides now in force (any thread). */
  public void overrides(Overrides overrides) {
    this.overrides = overrides;
  }

  /** Who runs a trial when one falls due: the recovery probe. Called on the thread that noticed. */
  public void onTrialDue(Consumer<Target> listener) {
    this.trialListener = listener;
  }

  /** The breaker state of {@code target} (closed for a target never used). */
  public BreakerView view(Target target) {
    TargetBreaker breaker = breakers.get(target);
    return breaker == null ? BreakerView.closed(target) : breaker.view();
  }

  /** Every breaker made so far, by provider then model. */
  public List<BreakerView> views() {
    return breakers.values().stream().map(TargetBreaker::view)
        .sorted(Comparator.comparing((BreakerView v) -> v.target().provider()).thenComparing(v -> v.target().model()))
        .toList();
  }

  /** A change another instance made (or one stored in Redis, read at start). */
  public void applyShared(BreakerView view) {
    TargetBreaker breaker = breaker(view.target());
    if (view.open() && breaker.applyOpen(view.openings(), view.trialAtMillis())) {
      LOG.info("circuit breaker {}/{} opened by another instance: opening {} in a row, next trial at {}",
          view.target().provider(), view.target().model(), view.openings(), view.toJson().getString("nextTrial"));
    } else if (BreakerView.CLOSED.equals(view.state()) && breaker.applyClosed()) {
      LOG.info("circuit breaker {}/{} closed by another instance's successful trial", view.target().provider(),
          view.target().model());
    }
  }

  /**
   * Follows the states every instance stored (at start, and after Redis came back), then shares
   * what this instance could not share meanwhile and still holds. Fails when Redis does not answer.
   */
  public Future<Void> resync() {
    return sharing.load().map(stored -> {
      stored.forEach(this::applyShared);
      for (BreakerView missed : sharing.drainUnshared()) {
        if (view(missed.target()).equals(missed)) {
          sharing.publish(missed);
        }
      }
      return null;
    });
  }

  @Override
  public void opened(TargetBreaker breaker, BreakerView view, String reason) {
    Counter.builder(OPENED).tag("provider", view.target().provider()).register(registry).increment();
    LOG.warn("circuit breaker {}/{} opened ({}): opening {} in a row, next trial at {}", view.target().provider(),
        view.target().model(), reason, view.openings(), view.toJson().getString("nextTrial"));
    sharing.publish(view);
  }

  @Override
  public void trialDue(TargetBreaker breaker) {
    trialListener.accept(breaker.target());
  }

  @Override
  public void closed(TargetBreaker breaker, BreakerView previous) {
    LOG.info("circuit breaker {}/{} closed: its trial succeeded after {} opening(s)", previous.target().provider(),
        previous.target().model(), previous.openings());
    sharing.publish(BreakerView.closed(breaker.target()));
  }

  private TargetBreaker breaker(Target target) {
    TargetBreaker existing = breakers.get(target);
    return existing != null ? existing : breakers.computeIfAbsent(target, this::create);
  }

  private TargetBreaker create(Target target) {
    TargetBreaker breaker = new TargetBreaker(target, vertx, config, this);
    Gauge.builder(STATE, breaker, b -> stateCode(b.view().state()))
        .tag("provider", target.provider()).tag("model", target.model())
        .description("Circuit breaker state: 0 closed, 1 half-open, 2 open").register(registry);
    return breaker;
  }

  private static double stateCode(String state) {
    return switch (state) {
      case BreakerView.OPEN -> 2;
      case BreakerView.HALF_OPEN -> 1;
      default -> 0;
    };
  }
}
