package noliq.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Wide#divide}, the 128-by-64-bit division under every fast path, gives exactly
 * {@link BigInteger}'s quotient on each of its three routes: by a power of ten (a multiplication by
 * the precomputed reciprocal, as by a power of five in {@link Wide#divideByPowerOfFive}), by a one-digit divisor below {@code 2^32}, and by any other divisor
 * (Knuth on 32-bit digits). Dividends are random below {@code d * 2^64} and at its edges: the top
 * word {@code d - 1} or 0, the low word all ones, zero, the sign bit, and multiples of {@code d}
 * and their neighbours, where a reciprocal's correction steps are taken.
 */
class WideDivideTest {
  private static final BigInteger B64 = BigInteger.ONE.shiftLeft(64);

  private static BigInteger unsigned(long w) {
    return new BigInteger(Long.toUnsignedString(w));
  }

  private static void check(long hi, long lo, long d) {
    BigInteger n = unsigned(hi).multiply(B64).add(unsigned(lo));
    long expected = n.divide(unsigned(d)).longValue();
    assertThat(Wide.divide(hi, lo, d))
        .as("(%s * 2^64 + %s) / %s", Long.toUnsignedString(hi), Long.toUnsignedString(lo), Long.toUnsignedString(d))
        .isEqualTo(expected);
    int five = powerOfFive(d);
    if (five >= 0) {
      assertThat(Wide.divideByPowerOfFive(hi, lo, five)).as("(%s * 2^64 + %s) / 5^%s", Long.toUnsignedString(hi),
          Long.toUnsignedString(lo), five).isEqualTo(expected);
    }
  }

  /** {@code k} when {@code d = 5^k} with {@code k <= 27}, else -1. */
  private static int powerOfFive(long d) {
    for (int k = 0; k < Wide.POW5.length; k++) {
      if (Wide.POW5[k] == d) {
        return k;
      }
    }
    return -1;
  }

  /** Random and edge dividends {@code hi:lo} with {@code hi < d}, by {@code d}. */
  private static void dividends(SplittableRandom rnd, long d, int randomCases) {
    long[] tops = {0, 1, d - 1, Long.divideUnsigned(d, 2), d - 2};
    long[] lows = {0, 1, -1L, Long.MIN_VALUE, Long.MAX_VALUE, d, d - 1, d + 1, -d, -d - 1};
    for (long hi : tops) {
      if (Long.compareUnsigned(hi, d) < 0) {
        for (long lo : lows) {
          check(hi, lo, d);
        }
      }
    }
    for (int i = 0; i < randomCases; i++) {
      long hi = Long.remainderUnsigned(rnd.nextLong(), d);
      check(hi, rnd.nextLong(), d);
      // A multiple of d and its neighbours: q * d - 1, q * d, q * d + 1 for a random q below 2^64.
      long q = rnd.nextLong();
      BigInteger m = unsigned(q).multiply(unsigned(d));
      for (int delta = -1; delta <= 1; delta++) {
        BigInteger n = m.add(BigInteger.valueOf(delta));
        if (n.signum() >= 0 && n.shiftRight(64).compareTo(unsigned(d)) < 0) {
          check(n.shiftRight(64).longValue(), n.longValue(), d);
        }
      }
    }
  }

  @Test
  void everyPowerOfTenDividesExactly() {
    SplittableRandom rnd = new SplittableRandom(10);
    long d = 1;
    for (int k = 0; k <= 19; k++) {
      dividends(rnd, d, 20_000);
      d *= 10; // 10^19 wraps past 2^63 as a signed long: it is the unsigned divisor 10^19
    }
  }

  /** {@link Wide#divideByPowerOfFive}, which {@link Decimals#toDouble} divides by, on every power of five. */
  @Test
  void everyPowerOfFiveDividesExactly() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int k = 0; k < Wide.POW5.length; k++) {
      dividends(rnd, Wide.POW5[k], 20_000);
    }
  }

  @Test
  void oneDigitAndOtherDivisorsDivideExactly() {
    SplittableRandom rnd = new SplittableRandom(11);
    long[] divisors = {1, 2, 3, 7, 9_999, 10_001, 10_500, 0xFFFF_FFFFL, 1L << 32, (1L << 32) + 1,
        999_999_999_999_999_999L, 1_000_000_000_000_000_001L, Long.MAX_VALUE, Long.MIN_VALUE, -1L, -3L};
    for (long d : divisors) {
      dividends(rnd, d, 2_000);
    }
    for (int i = 0; i < 40_000; i++) {
      long d = rnd.nextLong() >>> rnd.nextInt(64);
      if (d != 0) {
        dividends(rnd, d, 1);
      }
    }
  }
}
