package com.mas.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.config.RedisConfig;
import com.mas.gateway.state.SharedState;
import com.mas.gateway.testkit.Await;
import com.mas.gateway.testkit.RedisSupport;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisBudgetLedgerTest extends BudgetLedgerContract {

  private final Vertx vertx = Vertx.vertx();
  private final SharedState state = SharedState.create(vertx,
      new RedisConfig(RedisSupport.url(), RedisSupport.uniquePrefix(), true, true));
  private final RedisBudgetLedger ledger = new RedisBudgetLedger(state.redis().orElseThrow());

  @AfterEach
  void close() {
    state.close();
    Await.result(vertx.close());
  }

  @Override
  BudgetLedger ledger() {
    return ledger;
  }

  @Override
  UnaryOperator<String> keys() {
    return state::key;
  }

  @Test
  void every_key_carries_the_tenant_hash_tag_and_the_period_keys_expire() {
    BudgetPlan plan = plan("sales");
    settle(plan, null, 10);

    plan.periods().forEach(period -> assertThat(period.key()).contains("{acme}:budget:"));
    assertThat(plan.heldKey()).contains("{acme}");
    long ttl = Await.result(state.redis().orElseThrow()
        .send(Request.cmd(Command.TTL).arg(plan.periods().get(0).key()))).toLong();
    assertThat(ttl).isPositive();
  }
}
