package com.mas.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The day and month a request counts towards, and when each ends, in the budget time zone. */
class PeriodDatesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void labels_and_ends_are_those_of_the_local_day_and_month() {
    PeriodDates dates = PeriodDates.at(Instant.parse("2026-11-30T15:59:59Z"), SHANGHAI); // 23:59:59 local

    assertThat(dates.dayLabel()).isEqualTo("2026-11-30");
    assertThat(dates.monthLabel()).isEqualTo("2026-11");
    assertThat(dates.dayEnd()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z").getEpochSecond());
    assertThat(dates.monthEnd()).isEqualTo(dates.dayEnd());
  }

  @Test
  void the_next_instant_past_local_midnight_counts_towards_the_next_day_and_month() {
    PeriodDates before = PeriodDates.at(Instant.parse("2026-11-30T15:59:59Z"), SHANGHAI);
    PeriodDates after = PeriodDates.at(Instant.parse("2026-11-30T16:00:00Z"), SHANGHAI);

    assertThat(after.dayLabel()).isEqualTo("2026-12-01");
    assertThat(after.monthLabel()).isEqualTo("2026-12");
    assertThat(after.monthEnd()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z").getEpochSecond());
    assertThat(PeriodDates.at(Instant.parse("2026-11-30T15:00:00Z"), SHANGHAI)).isEqualTo(before);
  }

  @Test
  void the_same_instant_in_another_zone_gets_that_zones_day() {
    Instant instant = Instant.parse("2026-11-30T20:00:00Z");

    assertThat(PeriodDates.at(instant, SHANGHAI).dayLabel()).isEqualTo("2026-12-01");
    assertThat(PeriodDates.at(instant, NEW_YORK).dayLabel()).isEqualTo("2026-11-30");
    assertThat(PeriodDates.at(instant, SHANGHAI).dayLabel()).isEqualTo("2026-12-01");
  }

  @Test
  void a_day_that_changes_the_clocks_ends_at_the_next_local_midnight() {
    // 2026-11-01 in New York is 25 hours long: clocks go back from 02:00 EDT to 01:00 EST.
    PeriodDates dates = PeriodDates.at(Instant.parse("2026-11-01T12:00:00Z"), NEW_YORK);

    assertThat(dates.dayEnd()).isEqualTo(Instant.parse("2026-11-02T05:00:00Z").getEpochSecond());
    assertThat(dates.monthEnd()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z").getEpochSecond());
  }
}
