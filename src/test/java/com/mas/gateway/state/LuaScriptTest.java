package com.mas.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.RedisSupport;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LuaScriptTest {

  private final Vertx vertx = Vertx.vertx();
  private final SharedState state = SharedState.create(vertx,
      new RedisConfig(RedisSupport.url(), RedisSupport.uniquePrefix(), true, true));

  @AfterEach
  void close() {
    state.close();
    Await.result(vertx.close());
  }

  @Test
  void runs_a_script_the_server_does_not_know_yet_and_then_by_its_hash() {
    LuaScript ping = LuaScript.load("ping");
    var redis = state.redis().orElseThrow();
    Await.result(redis.send(Request.cmd(Command.SCRIPT).arg("FLUSH")));

    Response first = Await.result(ping.run(redis, List.of(), List.of("hello")));
    Response second = Await.result(ping.run(redis, List.of(), List.of("again")));

    assertThat(first.get(0).toLong()).isGreaterThan(1_600_000_000_000_000L);
    assertThat(first.get(1).toString()).isEqualTo("hello");
    assertThat(second.get(1).toString()).isEqualTo("again");
  }

  @Test
  void keys_carry_the_configured_prefix_and_in_memory_state_has_no_client() {
    assertThat(state.key("{acme}:rpm")).matches("test:[0-9a-f]{8}:\\{acme\\}:rpm");
    assertThat(SharedState.create(vertx, RedisConfig.IN_MEMORY).redis()).isEmpty();
  }
}
