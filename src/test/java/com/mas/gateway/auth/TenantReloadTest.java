package com.mas.gateway.auth;

import static com.mas.gateway.auth.ApiKeyAuthTest.assertError;
import static com.mas.gateway.auth.TenantGateway.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.SimulatedUpstream;
import com.mas.gateway.testkit.StreamProbe;
import com.mas.gateway.testkit.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Tenants and keys reload from the config file: no restart, no stream dropped, bad files ignored. */
class TenantReloadTest {

  private static final String OLD_KEY = TestConfigs.KEY; // the key StreamProbe sends
  private static final String NEW_KEY = "rotated-key";
  private static final String ONE_TENANT = "- {id: cosmetics-cs, keys: [" + OLD_KEY + "]}";
  private static final String ROTATED = "- {id: cosmetics-cs, keys: [" + NEW_KEY + "]}";

  @TempDir Path dir;
  private TenantGateway gateway;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    log.start();
    ((Logger) LoggerFactory.getLogger(TenantReloader.class)).addAppender(log);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(TenantReloader.class)).detachAppender(log);
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void a_valid_change_rotates_keys_without_a_restart() {
    gateway = new TenantGateway(dir, ONE_TENANT);
    TenantReloader reloader = gateway.watch();

    gateway.rewrite(ROTATED);

    assertThat(Await.result(reloader.reload())).isEqualTo(TenantReloader.Outcome.APPLIED);
    assertError(gateway.chat("sim-gpt", OLD_KEY), 401, "invalid_api_key");
    assertThat(gateway.chat("sim-gpt", NEW_KEY).status()).isEqualTo(200);
    assertThat(gateway.reloads("ok")).isEqualTo(1);
    assertThat(messages()).anyMatch(m -> m.contains("tenants reloaded") && m.contains("changed [cosmetics-cs]"));
  }

  @Test
  void reloads_allowed_models_suspension_and_disabled_keys_too() {
    gateway = new TenantGateway(dir, ONE_TENANT + "\n- {id: marketing, keys: [mk]}");
    TenantReloader reloader = gateway.watch();

    gateway.rewrite("""
        - {id: cosmetics-cs, keys: [%s], allowedModels: [mas-fast]}
        - {id: marketing, disabledKeySha256: [%s]}
        - {id: paused, keys: [pk], suspended: true}
        """.formatted(OLD_KEY, TestConfigs.sha256("mk")));
    assertThat(Await.result(reloader.reload())).isEqualTo(TenantReloader.Outcome.APPLIED);

    assertThat(gateway.modelIds(bearer(OLD_KEY))).containsExactly("mas-fast");
    assertError(gateway.chat("sim-gpt", OLD_KEY), 403, "model_not_allowed");
    assertError(gateway.chat("sim-gpt", "mk"), 403, "api_key_disabled");
    assertError(gateway.chat("sim-gpt", "pk"), 403, "tenant_suspended");
    assertThat(messages()).anyMatch(m -> m.contains("added [paused]") && m.contains("changed [cosmetics-cs, marketing]"));
  }

  @Test
  void an_invalid_file_keeps_the_tenants_in_force_and_names_the_field() {
    gateway = new TenantGateway(dir, ONE_TENANT);
    TenantReloader reloader = gateway.watch();

    gateway.rewrite("- {id: cosmetics-cs, keys: [" + NEW_KEY + "], budgets: {daily: 0.0000001}}");

    assertThat(Await.result(reloader.reload())).isEqualTo(TenantReloader.Outcome.REJECTED);
    assertThat(gateway.chat("sim-gpt", OLD_KEY).status()).isEqualTo(200);
    assertError(gateway.chat("sim-gpt", NEW_KEY), 401, "invalid_api_key");
    assertThat(gateway.reloads("error")).isEqualTo(1);
    assertThat(gateway.reloads("ok")).isZero();
    assertThat(messages()).anyMatch(m -> m.contains("tenants[0].budgets.daily: at most 6 decimal places"));
  }

  @Test
  void a_file_that_is_not_yaml_keeps_the_tenants_in_force() {
    gateway = new TenantGateway(dir, ONE_TENANT);
    TenantReloader reloader = gateway.watch();

    gateway.writeRaw("tenants: [{id: cosmetics-cs, keys: [" + NEW_KEY + "]\n");

    assertThat(Await.result(reloader.reload())).isEqualTo(TenantReloader.Outcome.REJECTED);
    assertThat(gateway.chat("sim-gpt", OLD_KEY).status()).isEqualTo(200);
    assertThat(messages()).anyMatch(m -> m.contains("invalid YAML"));
  }

  @Test
  void changes_to_other_sections_are_logged_and_not_applied() {
    gateway = new TenantGateway(dir, ONE_TENANT);
    TenantReloader reloader = gateway.watch();

    gateway.writeRaw(gateway.yaml("1h", ROTATED).replace("models:\n", "models:\n  - {name: mas-new, provider: openai}\n")
        .replace("port: 0,", "port: 0, maxBodySize: 1KiB,"));

    assertThat(Await.result(reloader.reload())).isEqualTo(TenantReloader.Outcome.APPLIED);
    assertThat(gateway.chat("sim-gpt", NEW_KEY).status()).isEqualTo(200);
    assertThat(gateway.modelIds(bearer(NEW_KEY))).doesNotContain("mas-new");
    assertThat(messages()).anyMatch(m -> m.contains("[server, models] changed") && m.contains("restart"));
  }

  @Test
  void a_file_without_tenants_keeps_the_running_ones_rather_than_generate_a_key() {
    gateway = new TenantGateway(dir, ONE_TENANT);
    TenantReloader reloader = gateway.watch();

    gateway.writeRaw(gateway.yamlWithoutTenants());

    assertThat(Await.result(reloader.reload())).isEqualTo(TenantReloader.Outcome.UNCHANGED);
    assertThat(gateway.chat("sim-gpt", OLD_KEY).status()).isEqualTo(200);
  }

  @Test
  void a_stream_in_flight_finishes_after_its_key_is_rotated_away() {
    gateway = new TenantGateway(dir, ONE_TENANT);
    TenantReloader reloader = gateway.watch();
    StreamProbe probe = new StreamProbe(gateway.gatewayVertx);
    // 40 tokens at 20 per second: about two seconds of streaming
    int status = Await.result(probe.start(gateway.gateway.port(), SimulatedUpstream.chat("sim-gpt", true),
        Map.of("x-sim-tokens", "40", "x-sim-tps", "20")));
    assertThat(status).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> probe.payloads().size() >= 3);

    gateway.rewrite(ROTATED);
    assertThat(Await.result(reloader.reload())).isEqualTo(TenantReloader.Outcome.APPLIED);
    assertError(gateway.chat("sim-gpt", OLD_KEY), 401, "invalid_api_key");
    assertThat(gateway.chat("sim-gpt", NEW_KEY).status()).isEqualTo(200);
    assertThat(probe.ended().isComplete()).as("the stream was still running during the reload").isFalse();

    Await.result(probe.ended());
    List<String> events = probe.payloads();
    assertThat(events).last().isEqualTo("[DONE]");
    assertThat(events).noneMatch(e -> e.contains("\"error\""));
    assertThat(String.join("", events)).contains("\"finish_reason\":\"stop\"");
    Await.result(probe.close());
  }

  @Test
  void polling_picks_up_a_changed_file_and_ignores_an_unchanged_rewrite() {
    gateway = new TenantGateway(dir, "200ms", ONE_TENANT);
    gateway.watch();

    gateway.rewrite(ROTATED);

    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.chat("sim-gpt", NEW_KEY).status() == 200);
    assertError(gateway.chat("sim-gpt", OLD_KEY), 401, "invalid_api_key");
    assertThat(gateway.reloads("ok")).isEqualTo(1);

    gateway.rewrite(ROTATED); // same bytes, new modification time
    await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
    assertThat(gateway.reloads("ok")).isEqualTo(1);

    gateway.rewrite("- {id: cosmetics-cs, keys: [" + NEW_KEY + "], budgets: {monthly: -1}}");
    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.reloads("error") == 1);
    assertThat(gateway.chat("sim-gpt", NEW_KEY).status()).isEqualTo(200);
  }

  @Test
  void a_deleted_file_is_reported_once_and_keeps_the_tenants_until_it_returns() throws Exception {
    gateway = new TenantGateway(dir, "200ms", ONE_TENANT);
    gateway.watch();

    java.nio.file.Files.delete(gateway.file);

    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.reloads("error") == 1);
    await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
    assertThat(gateway.reloads("error")).isEqualTo(1);
    assertThat(gateway.chat("sim-gpt", OLD_KEY).status()).isEqualTo(200);

    gateway.rewrite(ROTATED);
    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.chat("sim-gpt", NEW_KEY).status() == 200);
  }

  private List<String> messages() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
