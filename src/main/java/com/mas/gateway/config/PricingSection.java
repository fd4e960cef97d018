package com.mas.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code pricing} section: the price table (USD per million tokens, converted exactly to
 * integer micro-dollars per million), time-of-day windows, the budget time zone, how long a
 * budget reservation may live and where budget alerts go. Absent: no prices, budgets counted
 * in UTC.
 *
 * <pre>
 * pricing:
 *   budgetTimeZone: Asia/Shanghai
 *   reservationTtl: 15m
 *   alerts: {webhook: {url: https://hooks.example.com/budget, headers: {Authorization: "Bearer ..."}}}
 *   models:
 *     deepseek-chat:
 *       input: "0.27"
 *       output: "1.10"
 *       cachedInput: "0.07"
 *       timeZone: UTC
 *       windows:
 *         - {days: all, from: "16:30", to: "00:30", input: "0.135", output: "0.55", cachedInput: "0.035"}
 * </pre>
 */
final class PricingSection {

  private PricingSection() {}

  static PricingConfig read(ConfigNode section) {
    if (!section.isPresent()) {
      return PricingConfig.NONE;
    }
    section.mapping("budgetTimeZone", "reservationTtl", "alerts", "models");
    Map<String, ModelPricing> models = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> entry : section.get("models").entries().entrySet()) {
      models.put(modelKey(entry.getKey(), entry.getValue()), model(entry.getValue()));
    }
    return new PricingConfig(models, zone(section.get("budgetTimeZone")),
        section.get("reservationTtl").positiveDuration(PricingConfig.DEFAULT_HOLD), alerts(section.get("alerts")));
  }

  /** An upstream model id, or {@code provider/model}. */
  private static String modelKey(String key, ConfigNode node) {
    if (key.isBlank() || key.startsWith("/") || key.endsWith("/")) {
      throw node.error("a model key is an upstream model id or provider/model, got " + Scalars.quote(key));
    }
    return key;
  }

  private static ModelPricing model(ConfigNode node) {
    node.mapping("input", "output", "cachedInput", "cacheWrite", "timeZone", "windows");
    Prices base = basePrices(node);
    List<PriceWindow> windows = new ArrayList<>();
    for (ConfigNode window : node.get("windows").elements()) {
      windows.add(window(window, base, node));
    }
    return new ModelPricing(base, windows, zone(node.get("timeZone")));
  }

  /** Input and output are required; cached reads and cache writes default to the input price. */
  private static Prices basePrices(ConfigNode node) {
    long input = UsdAmounts.perMillion(node.get("input"));
    long output = UsdAmounts.perMillion(node.get("output"));
    return new Prices(input, output, optionalPrice(node.get("cachedInput"), input),
        optionalPrice(node.get("cacheWrite"), input));
  }

  /**
   * A window's prices default, one by one, to the model's; cached reads and cache writes the
   * model leaves to its input price follow the window's input price instead.
   */
  private static PriceWindow window(ConfigNode node, Prices base, ConfigNode model) {
    node.mapping("days", "from", "to", "input", "output", "cachedInput", "cacheWrite");
    long input = optionalPrice(node.get("input"), base.input());
    Prices prices = new Prices(
        input,
        optionalPrice(node.get("output"), base.output()),
        optionalPrice(node.get("cachedInput"), model.get("cachedInput").isPresent() ? base.cachedInput() : input),
        optionalPrice(node.get("cacheWrite"), model.get("cacheWrite").isPresent() ? base.cacheWrite() : input));
    return new PriceWindow(WindowTimes.days(node.get("days")), WindowTimes.time(node.get("from")),
        WindowTimes.time(node.get("to")), prices);
  }

  private static long optionalPrice(ConfigNode node, long fallback) {
    return node.isPresent() ? UsdAmounts.perMillion(node) : fallback;
  }

  private static ZoneId zone(ConfigNode node) {
    if (!node.isPresent()) {
      return ZoneId.of("UTC");
    }
    String text = node.nonBlankText();
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw node.error("expected a time zone such as UTC or Asia/Shanghai, got " + Scalars.quote(text));
    }
  }

  private static AlertConfig alerts(ConfigNode node) {
    node.mapping("webhook");
    ConfigNode webhook = node.get("webhook");
    if (!webhook.isPresent()) {
      return AlertConfig.NONE;
    }
    webhook.mapping("url", "headers", "attempts", "firstBackoff");
    Map<String, Secret> headers = new LinkedHashMap<>();
    webhook.get("headers").entries().forEach((name, value) -> headers.put(name, new Secret(value.secretText())));
    return new AlertConfig(url(webhook.get("url")), headers,
        (int) webhook.get("attempts").integer(AlertConfig.DEFAULT_ATTEMPTS, 1, 20),
        webhook.get("firstBackoff").positiveDuration(AlertConfig.DEFAULT_BACKOFF));
  }

  /** An absolute http(s) URL; echoed only as far as its scheme, since it may carry a token. */
  private static String url(ConfigNode node) {
    String text = node.nonBlankText();
    try {
      URI uri = new URI(text);
      if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return text;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw node.error("expected an absolute http:// or https:// URL");
  }
}
