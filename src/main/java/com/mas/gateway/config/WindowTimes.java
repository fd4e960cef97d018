package com.mas.gateway.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The day and time fields of a price window: {@code days} is {@code all} (the default),
 * {@code weekdays}, {@code weekend}, one day, or a list of days ({@code MON}, {@code Monday}, any
 * case); {@code from} and {@code to} are {@code HH:MM}, best quoted ({@code "16:30"}): YAML 1.1
 * readers other than ours take an unquoted 16:30 for the base-60 number 990, which is refused
 * here with a hint. A {@code to} of {@code "00:00"} or {@code "24:00"} is midnight.
 */
final class WindowTimes {

  private WindowTimes() {}

  static Set<DayOfWeek> days(ConfigNode node) {
    if (!node.isPresent()) {
      return EnumSet.allOf(DayOfWeek.class);
    }
    if (node.isList()) {
      Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      node.elements().forEach(element -> days.add(day(element)));
      return days;
    }
    String text = node.nonBlankText().trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "all" -> EnumSet.allOf(DayOfWeek.class);
      case "weekdays" -> EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
      case "weekend" -> EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      default -> EnumSet.of(day(node));
    };
  }

  private static DayOfWeek day(ConfigNode node) {
    String text = node.nonBlankText().trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(text) || day.name().substring(0, 3).equals(text)) {
        return day;
      }
    }
    throw node.error("expected all, weekdays, weekend or a day such as MON or Monday, got " + Scalars.quote(text));
  }

  /** A required time of day, {@code "HH:MM"}. */
  static LocalTime time(ConfigNode node) {
    if (node.isNumber()) {
      throw node.error("write times in quotes, e.g. \"16:30\" (YAML reads 16:30 unquoted as a number)");
    }
    String text = node.nonBlankText().trim();
    if (text.equals("24:00")) {
      return LocalTime.MIDNIGHT; // the end of the day: a window "to" midnight
    }
    try {
      return LocalTime.parse(text.length() == 4 ? "0" + text : text);
    } catch (DateTimeParseException e) {
      throw node.error("expected a time of day like \"16:30\", got " + Scalars.quote(text));
    }
  }
}
