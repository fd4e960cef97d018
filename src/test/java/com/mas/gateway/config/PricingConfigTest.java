package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mas.gateway.cost.PriceTable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricingConfigTest {

  @TempDir Path dir;
  YamlFixture yaml;

  @BeforeEach
  void setUp() {
    yaml = new YamlFixture(dir);
  }

  private PricingConfig load(String pricing) {
    return yaml.load(YamlFixture.OPENAI_PROVIDER + pricing).config().pricing();
  }

  @Test
  void converts_usd_per_million_exactly_to_micro_dollars_from_strings_and_numbers() {
    PricingConfig pricing = load("""
        pricing:
          models:
            gpt-4o: {input: "2.50", output: 10, cachedInput: 1.25, cacheWrite: "0.000001"}
        """);

    ModelPricing gpt = pricing.models().get("gpt-4o");
    assertThat(gpt.base()).isEqualTo(new Prices(2_500_000, 10_000_000, 1_250_000, 1));
    assertThat(gpt.windows()).isEmpty();
    assertThat(gpt.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(pricing.budgetZone()).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void cached_input_and_cache_write_default_to_the_input_price() {
    ModelPricing model = load("pricing: {models: {m: {input: 0.27, output: 1.10}}}\n").models().get("m");

    assertThat(model.base()).isEqualTo(new Prices(270_000, 1_100_000, 270_000, 270_000));
  }

  @Test
  void reads_windows_with_days_times_and_zone_and_fills_missing_prices_from_the_model() {
    PricingConfig pricing = load("""
        pricing:
          budgetTimeZone: Asia/Shanghai
          reservationTtl: 5m
          alerts: {webhook: {url: "https://hooks.example.com/b", headers: {Authorization: "Bearer s3cret"}, attempts: 3}}
          models:
            deepseek/deepseek-chat:
              input: "0.27"
              output: "1.10"
              cachedInput: "0.07"
              timeZone: Asia/Shanghai
              windows:
                - {days: all, from: "00:30", to: "08:30", input: "0.135", output: "0.55", cachedInput: "0.035"}
                - {days: [sat, Sunday], from: "12:00", to: "24:00", output: "0.50"}
                - {days: weekdays, from: "9:00", to: "10:00", input: 1}
        """);

    ModelPricing chat = pricing.models().get("deepseek/deepseek-chat");
    assertThat(chat.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    PriceWindow night = chat.windows().get(0);
    assertThat(night.days()).isEqualTo(EnumSet.allOf(DayOfWeek.class));
    assertThat(night.from()).isEqualTo(LocalTime.of(0, 30));
    assertThat(night.to()).isEqualTo(LocalTime.of(8, 30));
    // cacheWrite is not set on the model, so it follows the window's input price.
    assertThat(night.prices()).isEqualTo(new Prices(135_000, 550_000, 35_000, 135_000));
    PriceWindow weekend = chat.windows().get(1);
    assertThat(weekend.days()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(weekend.to()).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(weekend.prices()).isEqualTo(new Prices(270_000, 500_000, 70_000, 270_000));
    assertThat(chat.windows().get(2).days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    assertThat(chat.windows().get(2).from()).isEqualTo(LocalTime.of(9, 0));
    assertThat(chat.windows().get(2).prices()).isEqualTo(new Prices(1_000_000, 1_100_000, 70_000, 1_000_000));
    assertThat(pricing.budgetZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(pricing.holdFor()).isEqualTo(Duration.ofMinutes(5));
    assertThat(pricing.alerts().webhookUrl()).isEqualTo("https://hooks.example.com/b");
    assertThat(pricing.alerts().headers().get("Authorization").value()).isEqualTo("Bearer s3cret");
    assertThat(pricing.alerts().attempts()).isEqualTo(3);
  }

  @Test
  void rejects_more_than_six_decimal_places_naming_the_path() {
    yaml.assertFails(YamlFixture.OPENAI_PROVIDER + "pricing: {models: {m: {input: \"0.0000001\", output: 1}}}\n",
        "pricing.models.m.input", "at most 6 decimal places (one micro-dollar), got 0.0000001");
  }

  @Test
  void rejects_negative_and_non_numeric_prices() {
    yaml.assertFails(YamlFixture.OPENAI_PROVIDER + "pricing: {models: {m: {input: -1, output: 1}}}\n",
        "pricing.models.m.input", "must not be negative, got -1");
    yaml.assertFails(YamlFixture.OPENAI_PROVIDER + "pricing: {models: {m: {input: cheap, output: 1}}}\n",
        "pricing.models.m.input", "expected a number, got \"cheap\"");
    yaml.assertFails(YamlFixture.OPENAI_PROVIDER + "pricing: {models: {m: {input: 1}}}\n",
        "pricing.models.m.output", "required");
  }

  @Test
  void rejects_bad_windows_naming_the_path() {
    String model = YamlFixture.OPENAI_PROVIDER + "pricing: {models: {m: {input: 1, output: 1, windows: [%s]}}}\n";
    yaml.assertFails(model.formatted("{days: someday, from: \"16:30\", to: \"00:30\"}"),
        "pricing.models.m.windows[0].days",
        "expected all, weekdays, weekend or a day such as MON or Monday, got \"SOMEDAY\"");
    yaml.assertFails(model.formatted("{from: \"25:00\", to: \"00:30\"}"), "pricing.models.m.windows[0].from",
        "expected a time of day like \"16:30\", got \"25:00\"");
    yaml.assertFails(model.formatted("{from: \"16:30\"}"), "pricing.models.m.windows[0].to", "required");
    yaml.assertFails(model.formatted("{from: \"16:30\", to: \"17:00\", price: 1}"),
        "pricing.models.m.windows[0].price",
        "unknown key; expected one of days, from, to, input, output, cachedInput, cacheWrite");
  }

  @Test
  void rejects_an_unknown_time_zone_and_a_webhook_that_is_not_http() {
    yaml.assertFails(YamlFixture.OPENAI_PROVIDER + "pricing: {budgetTimeZone: Mars/Olympus}\n",
        "pricing.budgetTimeZone", "expected a time zone such as UTC or Asia/Shanghai, got \"Mars/Olympus\"");
    yaml.assertFails(YamlFixture.OPENAI_PROVIDER + "pricing: {alerts: {webhook: {url: \"ftp://x/y\"}}}\n",
        "pricing.alerts.webhook.url", "expected an absolute http:// or https:// URL");
  }

  @Test
  void the_shipped_example_prices_every_model_it_serves_with_deepseeks_off_peak_window() {
    GatewayConfig config = ConfigLoader.load(Path.of("conf/gateway.yaml"), Map.of("OPENAI_API_KEY", "sk-1",
        "DEEPSEEK_API_KEY", "ds-1", "ANTHROPIC_API_KEY", "a-1", "GEMINI_API_KEY", "g-1", "GATEWAY_API_KEY", "t"))
        .config();
    PricingConfig pricing = config.pricing();

    config.providers().values().forEach(provider ->
        assertThat(pricing.models()).as(provider.name()).containsKeys(provider.models().toArray(String[]::new)));
    ModelPricing chat = pricing.models().get("deepseek-chat");
    assertThat(PriceTable.pricesAt(chat, Instant.parse("2025-06-07T16:29:59Z"))).isEqualTo(chat.base());
    assertThat(PriceTable.pricesAt(chat, Instant.parse("2025-06-07T16:30:00Z")))
        .isEqualTo(new Prices(135_000, 550_000, 35_000, 135_000));
    assertThat(PriceTable.pricesAt(chat, Instant.parse("2025-06-08T00:30:00Z"))).isEqualTo(chat.base());
    assertThat(pricing.models().get("claude-sonnet-4-5").base().cacheWrite()).isEqualTo(3_750_000);
  }

  @Test
  void without_a_section_there_are_no_prices() {
    assertThat(yaml.load(YamlFixture.OPENAI_PROVIDER).config().pricing()).isEqualTo(PricingConfig.NONE);
  }
}
