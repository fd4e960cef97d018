package com.mas.gateway.cost;

import com.mas.gateway.config.ModelPricing;
import com.mas.gateway.config.PriceWindow;
import com.mas.gateway.config.Prices;
import com.mas.gateway.config.PricingConfig;
import com.mas.gateway.routing.Target;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * The configured prices, looked up by where a request goes and when it started.
 *
 * <p>A model is found as {@code provider/model} first, then by its upstream model id alone. The
 * price in effect is the one at the request's start (what the client was promised when it
 * asked), read in the model's time zone: the first window that contains that moment, else the
 * base prices. A window holds from {@code from} (inclusive) to {@code to} (exclusive) on the
 * days it lists; when {@code to} is not after {@code from} it crosses midnight and belongs to
 * the day it starts on, so a {@code FRI 22:00–02:00} window covers Saturday 01:00 but not
 * Friday 01:00. {@code from == to} is a whole day from {@code from}.
 */
public final class PriceTable {

  private final Map<String, ModelPricing> models;

  public PriceTable(PricingConfig config) {
    this.models = config.models();
  }

  /** The pricing of {@code target}'s model, or empty when it has no price. */
  public Optional<ModelPricing> find(Target target) {
    ModelPricing exact = models.get(target.provider() + "/" + target.model());
    return Optional.ofNullable(exact != null ? exact : models.get(target.model()));
  }

  /** The prices of {@code target} at {@code start}, or empty when it has no price. */
  public Optional<Prices> pricesAt(Target target, Instant start) {
    return find(target).map(pricing -> pricesAt(pricing, start));
  }

  /** The prices {@code pricing} gives at {@code start}. */
  public static Prices pricesAt(ModelPricing pricing, Instant start) {
    ZonedDateTime local = start.atZone(pricing.zone());
    for (PriceWindow window : pricing.windows()) {
      if (contains(window, local.getDayOfWeek(), local.toLocalTime())) {
        return window.prices();
      }
    }
    return pricing.base();
  }

  static boolean contains(PriceWindow window, DayOfWeek day, LocalTime time) {
    LocalTime from = window.from();
    LocalTime to = window.to();
    if (from.isBefore(to)) {
      return window.days().contains(day) && !time.isBefore(from) && time.isBefore(to);
    }
    boolean startedToday = window.days().contains(day) && !time.isBefore(from);
    boolean startedYesterday = window.days().contains(day.minus(1)) && time.isBefore(to);
    return startedToday || startedYesterday;
  }
}
