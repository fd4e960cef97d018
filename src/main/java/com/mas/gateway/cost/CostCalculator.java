package com.mas.gateway.cost;

import com.mas.gateway.chat.Usage;
import com.mas.gateway.config.Prices;
import java.math.BigInteger;

/**
 * Turns token counts into integer micro-dollars; no floating point anywhere. Prices are
 * micro-dollars per million tokens, so each token class contributes {@code tokens × price}
 * millionths of a micro-dollar; the classes are summed exactly and rounded up once, at the end.
 *
 * <p>Each input token is priced once, in exactly one class: {@link Usage} counts cached reads
 * and cache writes inside {@code promptTokens}, so the plain input price applies to
 * {@link Usage#uncachedPromptTokens()} only. Reasoning tokens are output tokens.
 */
public final class CostCalculator {

  private static final long PER_MILLION = 1_000_000L;

  private CostCalculator() {}

  /** What {@code usage} costs at {@code prices}, in micro-dollars, rounded up. */
  public static long micros(Usage usage, Prices prices) {
    return ceilPerMillion(
        usage.uncachedPromptTokens(), prices.input(),
        usage.cachedTokens(), prices.cachedInput(),
        usage.cacheWriteTokens(), prices.cacheWrite(),
        usage.completionTokens(), prices.output());
  }

  /**
   * The most a request can cost: every input token at the dearest input price (a cache write
   * can cost more than plain input, as with Anthropic) and every possible output token.
   */
  public static long worstCase(long inputTokens, long maxOutputTokens, Prices prices) {
    long inputPrice = Math.max(prices.input(), Math.max(prices.cachedInput(), prices.cacheWrite()));
    return ceilPerMillion(inputTokens, inputPrice, 0, 0, 0, 0, maxOutputTokens, prices.output());
  }

  /** {@code Σ tokens × price / 10^6}, rounded up; exact even where a long would overflow. */
  private static long ceilPerMillion(long t1, long p1, long t2, long p2, long t3, long p3, long t4, long p4) {
    try {
      long sum = Math.addExact(Math.addExact(Math.multiplyExact(t1, p1), Math.multiplyExact(t2, p2)),
          Math.addExact(Math.multiplyExact(t3, p3), Math.multiplyExact(t4, p4)));
      return sum / PER_MILLION + (sum % PER_MILLION == 0 ? 0 : 1);
    } catch (ArithmeticException overflow) {
      BigInteger sum = big(t1, p1).add(big(t2, p2)).add(big(t3, p3)).add(big(t4, p4));
      BigInteger[] parts = sum.divideAndRemainder(BigInteger.valueOf(PER_MILLION));
      return parts[0].add(parts[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO).longValueExact();
    }
  }

  private static BigInteger big(long tokens, long price) {
    return BigInteger.valueOf(tokens).multiply(BigInteger.valueOf(price));
  }
}
