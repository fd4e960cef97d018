package com.mas.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mas.gateway.Gateway;
import com.mas.gateway.api.GatewayException;
import com.mas.gateway.config.AdminKey;
import com.mas.gateway.config.ApiKeyHash;
import com.mas.gateway.config.BreakerConfig;
import com.mas.gateway.config.ProbeKind;
import com.mas.gateway.routing.Overrides;
import com.mas.gateway.routing.Target;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.ClientResponse;
import com.mas.gateway.testkit.Fleet;
import com.mas.gateway.testkit.GatewayClient;
import com.mas.gateway.testkit.RedisSupport;
import com.mas.gateway.testkit.SimulatedUpstream;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The admin API on the management port of gateway instances sharing one Redis: overrides made
 * on one instance apply on another within a second and on an instance started later; the key
 * guards it; bad input gets OpenAI-style 400s; every change is logged with who made it.
 */
class AdminApiTest {

  private static final Target SIM = new Target("openai", "sim-gpt");
  private static final BreakerConfig BREAKERS = new BreakerConfig(true, 2, 1.0, 1000, Duration.ofSeconds(30),
      Duration.ofSeconds(30), 2.0, Duration.ofMinutes(1), ProbeKind.NONE);
  private static final AdminKey KEY = new AdminKey("ops-team", ApiKeyHash.sha256Hex(Fleet.ADMIN_KEY));
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private Fleet fleet;

  @BeforeEach
  void captureLog() {
    log.start();
    ((Logger) LoggerFactory.getLogger(AdminApi.class)).addAppender(log);
  }

  @AfterEach
  void close() {
    ((Logger) LoggerFactory.getLogger(AdminApi.class)).detachAppender(log);
    fleet.close();
  }

  @Test
  void overrides_made_on_one_instance_apply_on_another_within_a_second_and_on_a_new_one() {
    fleet = new Fleet(BREAKERS, KEY, RedisSupport.url(), RedisSupport.uniquePrefix());
    Gateway a = fleet.start();
    Gateway b = fleet.start();

    ClientResponse disabled = admin(a, HttpMethod.POST, "/admin/providers/openai/disable", null, "alice");
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().getJsonArray("disabledProviders").getList()).containsExactly("openai");
    await().atMost(ONE_SECOND).pollInterval(Duration.ofMillis(10))
        .until(() -> b.controls().overrides().current().disabledProviders().contains("openai"));
    assertThat(b.controls().breakers().available(SIM)).isFalse();
    ClientResponse chat = Await.result(fleet.data(b).chat(SimulatedUpstream.chat("openai/sim-gpt", false)));
    assertThat(chat.status()).isEqualTo(503); // b's routing dropped the switched-off provider
    assertThat(chat.json().getJsonObject("error").getString("code")).isEqualTo("no_available_target");
    GatewayException refused = (GatewayException) Await.failure(fleet.answer(b.controls().breakers(), SIM));
    assertThat(refused.code()).isEqualTo("provider_disabled");

    assertThat(admin(b, HttpMethod.POST, "/admin/routes/mas-fast/pin", "{\"target\":\"anthropic/sim-claude\"}", null)
        .status()).isEqualTo(200);
    assertThat(admin(a, HttpMethod.POST, "/admin/providers/gemini/enable", null, null).status()).isEqualTo(200);
    Overrides expected = new Overrides(Set.of("openai"), Set.of("gemini"),
        Map.of("mas-fast", new Target("anthropic", "sim-claude")));
    await().atMost(ONE_SECOND).pollInterval(Duration.ofMillis(10))
        .until(() -> a.controls().overrides().current().equals(expected)
            && b.controls().overrides().current().equals(expected));

    Gateway c = fleet.start();
    assertThat(c.controls().overrides().current()).isEqualTo(expected);
    assertThat(admin(c, HttpMethod.GET, "/admin/overrides", null, null).json()).isEqualTo(new JsonObject()
        .put("disabledProviders", List.of("openai")).put("forcedProviders", List.of("gemini"))
        .put("pins", new JsonObject().put("mas-fast", "anthropic/sim-claude")));

    assertThat(admin(a, HttpMethod.DELETE, "/admin/overrides", null, "bob").status()).isEqualTo(200);
    await().atMost(ONE_SECOND).pollInterval(Duration.ofMillis(10))
        .until(() -> b.controls().overrides().current().equals(Overrides.NONE)
            && c.controls().overrides().current().equals(Overrides.NONE));
    Await.result(fleet.answer(b.controls().breakers(), SIM));

    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).contains(
        "admin alice: switched off provider openai",
        "admin ops-team: pinned route mas-fast to anthropic/sim-claude",
        "admin ops-team: forced on provider gemini",
        "admin bob: cleared every override");
  }

  @Test
  void lists_every_target_with_its_breaker() {
    fleet = new Fleet(BREAKERS, KEY, null, null);
    Gateway gateway = fleet.start();
    Await.failure(fleet.attempt(gateway.controls().breakers(), SIM, "status=503"));
    Await.failure(fleet.attempt(gateway.controls().breakers(), SIM, "status=503"));

    JsonObject targets = admin(gateway, HttpMethod.GET, "/admin/targets", null, null).json();

    assertThat(targets.getString("object")).isEqualTo("list");
    JsonObject sim = targets.getJsonArray("data").getJsonObject(0);
    assertThat(sim.getString("id")).isEqualTo("openai/sim-gpt");
    assertThat(sim.getJsonObject("breaker").getString("state")).isEqualTo("open");
    assertThat(sim.getJsonObject("breaker").getInteger("openings")).isEqualTo(1);
    assertThat(sim.getJsonObject("breaker").getString("nextTrial")).isNotNull();
    assertThat(sim.getValue("override")).isNull();
    // the attempts went straight to the breakers, past routing, which so has nothing to report yet
    assertThat(sim.getJsonObject("scores").getLong("attempts")).isZero();
    assertThat(sim.getJsonObject("scores").getValue("ttftEwmaMs")).isNull();
  }

  @Test
  void refuses_requests_without_the_admin_key() {
    fleet = new Fleet(BREAKERS, KEY, null, null);
    Gateway gateway = fleet.start();
    GatewayClient client = fleet.management(gateway);

    ClientResponse missing = Await.result(client.send(HttpMethod.GET, "/admin/overrides",
        MultiMap.caseInsensitiveMultiMap(), Buffer.buffer()));
    assertError(missing, 401, "missing_admin_key");
    ClientResponse wrong = Await.result(client.send(HttpMethod.POST, "/admin/providers/openai/disable",
        MultiMap.caseInsensitiveMultiMap().add("authorization", "Bearer " + "test-tenant-key"), Buffer.buffer()));
    assertError(wrong, 401, "invalid_admin_key");
    assertThat(gateway.controls().overrides().current()).isEqualTo(Overrides.NONE);

    ClientResponse byHeader = Await.result(client.send(HttpMethod.GET, "/admin/overrides",
        MultiMap.caseInsensitiveMultiMap().add("x-admin-key", Fleet.ADMIN_KEY), Buffer.buffer()));
    assertThat(byHeader.status()).isEqualTo(200);
  }

  @Test
  void is_disabled_without_a_configured_key() {
    fleet = new Fleet(BREAKERS, AdminKey.NONE, null, null);
    Gateway gateway = fleet.start();

    assertError(admin(gateway, HttpMethod.GET, "/admin/targets", null, null), 403, "admin_disabled");
    ClientResponse live = Await.result(fleet.management(gateway).send(HttpMethod.GET, "/health/live",
        MultiMap.caseInsensitiveMultiMap(), Buffer.buffer()));
    assertThat(live.status()).isEqualTo(200);
  }

  @Test
  void bad_input_gets_a_400_naming_what_is_wrong() {
    fleet = new Fleet(BREAKERS, KEY, null, null);
    Gateway gateway = fleet.start();

    ClientResponse unknown = admin(gateway, HttpMethod.POST, "/admin/providers/mistral/disable", null, null);
    assertError(unknown, 400, "unknown_provider");
    assertThat(unknown.error().getString("param")).isEqualTo("name");
    assertThat(unknown.error().getString("message")).contains("anthropic, gemini, openai");
    assertError(admin(gateway, HttpMethod.POST, "/admin/routes/r/pin", "not json", null), 400, "invalid_value");
    assertError(admin(gateway, HttpMethod.POST, "/admin/routes/r/pin", "{\"target\":\"sim-gpt\"}", null), 400,
        "invalid_value");
    ClientResponse badProvider = admin(gateway, HttpMethod.POST, "/admin/routes/r/pin",
        "{\"target\":\"mistral/large\"}", null);
    assertError(badProvider, 400, "unknown_provider");
    assertThat(badProvider.error().getString("param")).isEqualTo("target");
    assertError(admin(gateway, HttpMethod.GET, "/admin/nothing", null, null), 404, "unknown_url");
    assertThat(gateway.controls().overrides().current()).isEqualTo(Overrides.NONE);
  }

  private ClientResponse admin(Gateway instance, HttpMethod method, String path, String body, String user) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("authorization", "Bearer " + Fleet.ADMIN_KEY);
    if (user != null) {
      headers.add("x-admin-user", user);
    }
    if (body != null) {
      headers.add("content-type", "application/json");
    }
    return Await.result(fleet.management(instance).send(method, path, headers,
        body == null ? Buffer.buffer() : Buffer.buffer(body)));
  }

  private static void assertError(ClientResponse response, int status, String code) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.error().getString("code")).isEqualTo(code);
    assertThat(response.error().fieldNames()).containsExactlyInAnyOrder("message", "type", "param", "code");
  }
}
