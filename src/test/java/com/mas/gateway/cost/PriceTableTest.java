package com.mas.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.config.ModelPricing;
import com.mas.gateway.config.PriceWindow;
import com.mas.gateway.config.Prices;
import com.mas.gateway.config.PricingConfig;
import com.mas.gateway.routing.Target;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Prices BASE = new Prices(270_000, 1_100_000, 70_000, 270_000);
  private static final Prices OFF_PEAK = new Prices(135_000, 550_000, 35_000, 135_000);
  private static final Prices WEEKEND = new Prices(1, 1, 1, 1);

  /** Weekdays 16:30 to 00:30 (crossing midnight) off-peak; Saturdays from 09:00 to 12:00 a third price. */
  private static final ModelPricing PRICING = new ModelPricing(BASE, List.of(
      new PriceWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(16, 30), LocalTime.of(0, 30),
          OFF_PEAK),
      new PriceWindow(EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(9, 0), LocalTime.of(12, 0), WEEKEND)), SHANGHAI);

  /** 2025-06-06 is a Friday, -07 a Saturday, -08 a Sunday, -09 a Monday. */
  private static Prices at(String localDateTime) {
    Instant instant = LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    return PriceTable.pricesAt(PRICING, instant);
  }

  @Test
  void a_window_starts_at_its_from_time_inclusive() {
    assertThat(at("2025-06-06T16:29:59.999")).isEqualTo(BASE);
    assertThat(at("2025-06-06T16:30:00")).isEqualTo(OFF_PEAK);
    assertThat(at("2025-06-06T16:30:00.001")).isEqualTo(OFF_PEAK);
  }

  @Test
  void a_window_crossing_midnight_ends_at_its_to_time_exclusive_on_the_next_day() {
    assertThat(at("2025-06-05T23:59:59.999")).isEqualTo(OFF_PEAK);
    assertThat(at("2025-06-06T00:00:00")).isEqualTo(OFF_PEAK);
    assertThat(at("2025-06-06T00:29:59.999")).isEqualTo(OFF_PEAK);
    assertThat(at("2025-06-06T00:30:00")).isEqualTo(BASE);
  }

  @Test
  void a_window_crossing_midnight_belongs_to_the_day_it_starts_on() {
    // Friday's window runs into Saturday morning; Sunday's (none: weekend) does not reach Monday.
    assertThat(at("2025-06-07T00:15:00")).isEqualTo(OFF_PEAK);
    assertThat(at("2025-06-07T16:30:00")).isEqualTo(BASE);
    assertThat(at("2025-06-09T00:15:00")).isEqualTo(BASE);
    assertThat(at("2025-06-09T16:30:00")).isEqualTo(OFF_PEAK);
  }

  @Test
  void weekday_and_weekend_windows_are_told_apart() {
    assertThat(at("2025-06-07T08:59:59")).isEqualTo(BASE);
    assertThat(at("2025-06-07T09:00:00")).isEqualTo(WEEKEND);
    assertThat(at("2025-06-07T11:59:59")).isEqualTo(WEEKEND);
    assertThat(at("2025-06-07T12:00:00")).isEqualTo(BASE);
    assertThat(at("2025-06-08T10:00:00")).isEqualTo(BASE);
    assertThat(at("2025-06-06T10:00:00")).isEqualTo(BASE);
  }

  @Test
  void times_are_read_in_the_configured_zone_not_in_utc() {
    // 16:30 in Shanghai is 08:30 UTC; 16:30 UTC is 00:30 in Shanghai the next day (outside).
    assertThat(PriceTable.pricesAt(PRICING, Instant.parse("2025-06-06T08:30:00Z"))).isEqualTo(OFF_PEAK);
    assertThat(PriceTable.pricesAt(PRICING, Instant.parse("2025-06-05T16:30:00Z"))).isEqualTo(BASE);
    assertThat(PriceTable.pricesAt(PRICING, Instant.parse("2025-06-05T16:29:00Z"))).isEqualTo(OFF_PEAK);
  }

  @Test
  void a_window_whose_end_equals_its_start_lasts_a_whole_day() {
    ModelPricing allDay = new ModelPricing(BASE, List.of(new PriceWindow(EnumSet.of(DayOfWeek.SUNDAY),
        LocalTime.of(6, 0), LocalTime.of(6, 0), WEEKEND)), ZoneId.of("UTC"));

    assertThat(PriceTable.pricesAt(allDay, Instant.parse("2025-06-08T05:59:59Z"))).isEqualTo(BASE);
    assertThat(PriceTable.pricesAt(allDay, Instant.parse("2025-06-08T06:00:00Z"))).isEqualTo(WEEKEND);
    assertThat(PriceTable.pricesAt(allDay, Instant.parse("2025-06-09T05:59:59Z"))).isEqualTo(WEEKEND);
    assertThat(PriceTable.pricesAt(allDay, Instant.parse("2025-06-09T06:00:00Z"))).isEqualTo(BASE);
  }

  @Test
  void provider_and_model_wins_over_the_bare_model_id() {
    ModelPricing generic = new ModelPricing(BASE, List.of(), ZoneId.of("UTC"));
    ModelPricing azure = new ModelPricing(OFF_PEAK, List.of(), ZoneId.of("UTC"));
    PriceTable table = new PriceTable(new PricingConfig(Map.of("gpt-4o", generic, "azure/gpt-4o", azure), null));

    assertThat(table.find(new Target("openai", "gpt-4o"))).contains(generic);
    assertThat(table.find(new Target("azure", "gpt-4o"))).contains(azure);
    assertThat(table.find(new Target("openai", "gpt-4o-mini"))).isEmpty();
  }
}
