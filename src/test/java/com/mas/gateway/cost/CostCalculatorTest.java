package com.mas.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.chat.CostQuote;
import com.mas.gateway.chat.Usage;
import com.mas.gateway.config.Prices;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {

  /** Anthropic-like: USD 3 input, 15 output, 0.30 cache read, 3.75 cache write per million. */
  private static final Prices CLAUDE = new Prices(3_000_000, 15_000_000, 300_000, 3_750_000);

  @Test
  void cached_tokens_are_priced_once_at_the_cached_price_and_never_also_as_input() {
    // 10,000 prompt tokens of which 8,000 read from the cache and 1,000 written to it.
    Usage usage = new Usage(10_000, 500, 8_000, 1_000, 0);

    long micros = CostCalculator.micros(usage, CLAUDE);

    // 1,000 plain × 3 + 8,000 × 0.30 + 1,000 × 3.75 + 500 × 15 (USD per million) = 16,650 micro-dollars
    assertThat(micros).isEqualTo(3_000 + 2_400 + 3_750 + 7_500);
    long billedTwice = CostCalculator.micros(new Usage(10_000, 500, 0, 0, 0), CLAUDE) + 2_400 + 3_750;
    assertThat(micros).isLessThan(billedTwice);
  }

  @Test
  void rounds_up_once_after_summing_every_token_class() {
    // Each class alone is a fraction of a micro-dollar: 0.4 + 0.4 + 0.4 = 1.2 → 2, not 1 + 1 + 1 = 3.
    Prices tiny = new Prices(400_000, 400_000, 400_000, 400_000);
    Usage usage = new Usage(2, 1, 1, 0, 0);

    assertThat(CostCalculator.micros(usage, tiny)).isEqualTo(2);
    assertThat(CostCalculator.micros(new Usage(0, 0, 0, 0, 0), tiny)).isZero();
  }

  @Test
  void reasoning_tokens_are_output_tokens_already_counted_in_the_completion() {
    Usage usage = new Usage(0, 1_000, 0, 0, 900);

    assertThat(CostCalculator.micros(usage, CLAUDE)).isEqualTo(15_000);
  }

  @Test
  void the_worst_case_prices_every_input_token_at_the_dearest_input_price() {
    long worst = CostCalculator.worstCase(1_000, 2_000, CLAUDE);

    assertThat(worst).isEqualTo(3_750 + 30_000);
  }

  @Test
  void stays_exact_where_a_long_product_would_overflow() {
    Prices absurd = new Prices(9_223_372_036_854_775L, 0, 0, 0);

    long micros = CostCalculator.micros(new Usage(2_000, 0, 0, 0, 0), absurd);

    // 9,223,372,036,854,775 × 2,000 / 10^6 = 18,446,744,073,709.55, rounded up
    assertThat(micros).isEqualTo(18_446_744_073_710L);
  }

  @Test
  void formats_micro_dollars_as_usd_with_six_decimals() {
    assertThat(CostQuote.usd(1_234)).isEqualTo("0.001234");
    assertThat(CostQuote.usd(0)).isEqualTo("0.000000");
    assertThat(CostQuote.usd(12_500_000)).isEqualTo("12.500000");
  }
}
