package noliq.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The {@code long} fast path of {@link Exact#mulDiv} gives exactly the {@link BigInteger}
 * reference's result, for every rounding, over millions of seeded random operands of every bit
 * length and the edge values where 128-bit arithmetic goes wrong (powers of two and their
 * neighbours, {@code 2^63 - 1}, WAD-scaled amounts, products just past 64 and 127 bits).
 */
class ExactFastPathTest {
  private static final BigInteger LONG_LIMIT = BigInteger.ONE.shiftLeft(63);

  private static final long[] EDGES = edges();

  private static long[] edges() {
    java.util.List<Long> e = new java.util.ArrayList<>();
    for (int k : new int[] {0, 1, 2, 30, 31, 32, 33, 34, 59, 60, 61, 62}) {
      long p = 1L << k;
      e.add(p);
      e.add(p - 1);
      e.add(p + 1);
    }
    e.add(Long.MAX_VALUE);
    e.add(Long.MAX_VALUE - 1);
    e.add(1_000_000_000_000_000_000L); // 10^18, a WAD
    e.add(999_999_999_999_999_999L);
    e.add(1_500_000_000_000_000_000L);
    e.add(3_037_000_499L); // floor(sqrt(2^63))
    e.add(3_037_000_500L);
    e.add(4_294_967_295L * 4_294_967_295L & Long.MAX_VALUE);
    return e.stream().filter(v -> v >= 0).mapToLong(Long::longValue).toArray();
  }

  /** The reference: the product and division on {@link BigInteger}, rounded as named. */
  private static BigInteger reference(long a, long b, long d, Rounding rounding) {
    BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(d));
    BigInteger q = qr[0];
    if (qr[1].signum() != 0) {
      boolean up = switch (rounding) {
        case DOWN -> false;
        case UP -> true;
        case HALF_UP -> qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(d)) >= 0;
      };
      if (up) {
        q = q.add(BigInteger.ONE);
      }
    }
    return q;
  }

  private static void check(long a, long b, long d) {
    for (Rounding r : Rounding.values()) {
      BigInteger expected = reference(a, b, d, r);
      long fast = Exact.mulDivLong(a, b, d, r);
      if (expected.compareTo(LONG_LIMIT) < 0) {
        assertThat(fast).as("%d * %d / %d %s", a, b, d, r).isEqualTo(expected.longValueExact());
      } else {
        assertThat(fast).as("%d * %d / %d %s overflows 63 bits: the fast path declines", a, b, d, r).isEqualTo(-1L);
      }
      assertThat(Exact.mulDiv(BigInteger.valueOf(a), BigInteger.valueOf(b), BigInteger.valueOf(d), r))
          .as("%d * %d / %d %s", a, b, d, r).isEqualTo(expected);
    }
  }

  /** A value of uniformly random bit length in [0, 63), so small and large operands are equally likely. */
  static long anyBits(SplittableRandom rnd) {
    int bits = rnd.nextInt(64);
    return bits == 0 ? 0 : rnd.nextLong() >>> (64 - bits) & Long.MAX_VALUE;
  }

  @Test
  void randomOperandsOfEveryWidthMatchTheReference() {
    SplittableRandom rnd = new SplittableRandom(20261201);
    for (int i = 0; i < 1_000_000; i++) {
      long d = anyBits(rnd);
      check(anyBits(rnd), anyBits(rnd), d == 0 ? 1 : d);
    }
  }

  @Test
  void quotientsNearTheLimitMatchTheReference() {
    // a * b / d close to 2^63: pick q and d, then a * b around q * d, where rounding up may overflow.
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      long d = 1 + (rnd.nextLong() >>> (1 + rnd.nextInt(63)));
      long q = Long.MAX_VALUE - rnd.nextInt(4);
      BigInteger target = BigInteger.valueOf(q).multiply(BigInteger.valueOf(d)).add(BigInteger.valueOf(rnd.nextLong(d)));
      // split target into a * b with a < 2^63, b < 2^63 when possible
      long a = Long.MAX_VALUE - rnd.nextInt(1000);
      BigInteger b = target.divide(BigInteger.valueOf(a));
      if (b.bitLength() < 64) {
        check(a, b.longValue(), d);
        check(a, b.longValue() + (b.longValue() < Long.MAX_VALUE ? 1 : 0), d);
      }
    }
  }

  @Test
  void edgeValuesInEveryCombinationMatchTheReference() {
    for (long a : EDGES) {
      for (long b : EDGES) {
        for (long d : EDGES) {
          if (d > 0) {
            check(a, b, d);
          }
        }
      }
    }
  }
}
