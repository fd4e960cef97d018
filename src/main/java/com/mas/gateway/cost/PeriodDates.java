package com.mas.gateway.cost;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The day and month a request counts towards in the budget time zone: their labels
 * ({@code 2026-11-26}, {@code 2026-11}) and the epoch seconds at which each ends. The same for
 * every request of a day, so {@link #at} computes them once and keeps the last day's.
 *
 * @param day the local date
 * @param zone the budget time zone
 */
record PeriodDates(LocalDate day, ZoneId zone, String dayLabel, String monthLabel, long dayEnd, long monthEnd) {

  private static volatile PeriodDates last;

  /** The periods of {@code start} in {@code zone}. */
  static PeriodDates at(Instant start, ZoneId zone) {
    LocalDate day = LocalDate.ofInstant(start, zone);
    PeriodDates dates = last;
    if (dates == null || !dates.day.equals(day) || !dates.zone.equals(zone)) {
      dates = of(day, zone);
      last = dates;
    }
    return dates;
  }

  private static PeriodDates of(LocalDate day, ZoneId zone) {
    String dayLabel = day.toString();
    return new PeriodDates(day, zone, dayLabel, dayLabel.substring(0, 7),
        day.plusDays(1).atStartOfDay(zone).toEpochSecond(),
        day.with(TemporalAdjusters.firstDayOfNextMonth()).atStartOfDay(zone).toEpochSecond());
  }
}
