package com.mas.gateway.config;

import java.time.ZoneId;
import java.util.List;

/**
 * The price of one model: base prices and time-of-day windows, read in {@code zone}.
 *
 * @param base prices outside every window
 * @param windows windows in order; the first that contains the request's start applies
 * @param zone the time zone the windows are written in
 */
public record ModelPricing(Prices base, List<PriceWindow> windows, ZoneId zone) {

  public ModelPricing {
    windows = List.copyOf(windows);
  }
}
