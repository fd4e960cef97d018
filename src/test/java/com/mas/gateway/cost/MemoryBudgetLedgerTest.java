package com.mas.gateway.cost;

import java.util.function.UnaryOperator;

class MemoryBudgetLedgerTest extends BudgetLedgerContract {

  private final MemoryBudgetLedger ledger = new MemoryBudgetLedger();

  @Override
  BudgetLedger ledger() {
    return ledger;
  }

  @Override
  UnaryOperator<String> keys() {
    return key -> key;
  }
}
