package com.mas.gateway.cost;

import com.mas.gateway.state.LuaScript;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shared ledger: every operation is one run of {@code lua/budget.lua}, atomic on the
 * tenant's keys, so concurrent requests on any number of instances can never reserve past a
 * budget; reservations lapse by Redis server time when their instance dies.
 */
final class RedisBudgetLedger implements BudgetLedger {

  private static final LuaScript SCRIPT = LuaScript.load("budget");

  private final Redis redis;

  RedisBudgetLedger(Redis redis) {
    this.redis = redis;
  }

  @Override
  public Future<Reservation> reserve(BudgetPlan plan, String holdId, long micros, long holdMillis) {
    List<String> args = new ArrayList<>(List.of("reserve", holdId, Long.toString(micros), Long.toString(holdMillis)));
    for (BudgetPeriod period : plan.periods()) {
      args.add(Long.toString(period.limit()));
      args.add(period.heldField());
    }
    return SCRIPT.run(redis, keys(plan), args).map(RedisBudgetLedger::reservation);
  }

  private static Reservation reservation(Response reply) {
    if (reply.get(0).toInteger() == 0) {
      return new Reservation(false, reply.get(1).toInteger() - 1, new long[] {reply.get(2).toLong(), reply.get(3).toLong()});
    }
    long[] spent = new long[reply.size() - 1];
    for (int i = 0; i < spent.length; i++) {
      spent[i] = reply.get(i + 1).toLong();
    }
    return new Reservation(true, -1, spent);
  }

  @Override
  public Future<List<BudgetAlert>> settle(BudgetPlan plan, String holdId, long micros) {
    List<String> args = new ArrayList<>(List.of("settle", holdId == null ? "" : holdId, Long.toString(micros)));
    for (BudgetPeriod period : plan.periods()) {
      args.add(Long.toString(period.expireAtSecond()));
      args.add(Long.toString(period.limit()));
      args.add(period.alertPercents().stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
    return SCRIPT.run(redis, keys(plan), args).map(reply -> alerts(plan, reply));
  }

  private static List<BudgetAlert> alerts(BudgetPlan plan, Response reply) {
    List<BudgetAlert> alerts = new ArrayList<>();
    for (int i = 0; i + 2 < reply.size(); i += 3) {
      BudgetPeriod period = plan.periods().get(reply.get(i).toInteger() - 1);
      alerts.add(new BudgetAlert(plan.tenant(), period, reply.get(i + 1).toInteger(), reply.get(i + 2).toLong()));
    }
    return alerts;
  }

  @Override
  public Future<Spend> read(BudgetPlan plan) {
    return SCRIPT.run(redis, keys(plan), List.of("read")).map(reply -> spend(plan, reply));
  }

  private static Spend spend(BudgetPlan plan, Response reply) {
    int periods = plan.periods().size();
    long[] spent = new long[periods];
    for (int i = 0; i < periods; i++) {
      spent[i] = reply.get(i).toLong();
    }
    String agentField = periods > 2 ? plan.periods().get(2).heldField() : null;
    long tenant = 0;
    long agent = 0;
    for (int i = periods; i + 1 < reply.size(); i += 2) {
      String field = reply.get(i).toString();
      if (field.equals(BudgetPlan.TENANT_FIELD)) {
        tenant = reply.get(i + 1).toLong();
      } else if (field.equals(agentField)) {
        agent = reply.get(i + 1).toLong();
      }
    }
    return new Spend(spent, tenant, agent, true);
  }

  private static List<String> keys(BudgetPlan plan) {
    List<String> keys = new ArrayList<>(3 + plan.periods().size());
    keys.add(plan.holdsKey());
    keys.add(plan.expiryKey());
    keys.add(plan.heldKey());
    plan.periods().forEach(period -> keys.add(period.key()));
    return keys;
  }
}
