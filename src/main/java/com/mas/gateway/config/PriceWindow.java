package com.mas.gateway.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * Prices that apply instead of a model's base prices on some days between two times of day
 * (e.g. DeepSeek's off-peak discount, 16:30–00:30 UTC). {@code to} before {@code from} crosses
 * midnight: the window then belongs to the day it starts on.
 *
 * @param days the days of the week the window starts on
 * @param from start of the window, inclusive
 * @param to end of the window, exclusive
 * @param prices what applies inside it
 */
public record PriceWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to, Prices prices) {

  public PriceWindow {
    days = Set.copyOf(days);
  }
}
