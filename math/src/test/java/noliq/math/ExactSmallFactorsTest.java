package noliq.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Exact#mulDiv(BigInteger, long, long, Rounding)}, the overload for small factors (basis
 * points, powers of ten), gives exactly what the {@link BigInteger} overload gives for the same
 * values, for every rounding: over seeded random operands of every width up to 300 bits (so the
 * {@code long}, 128-bit and {@link BigInteger} routes all run), factors of every width, quotients
 * past {@code 2^128} and {@code 2^256}, and the same refusals for a zero or negative divisor, a
 * negative factor and an operand out of range.
 */
class ExactSmallFactorsTest {
  private static final long[] EDGES = {
    0, 1, 2, 9_999, 10_000, 10_001, 10_500, 1_000_000_000_000_000_000L, (1L << 32) - 1, 1L << 32,
    (1L << 62) + 1, Long.MAX_VALUE - 1, Long.MAX_VALUE
  };

  /** The general overload's answer, or the exception's class when it refuses. */
  private static Object general(BigInteger a, long b, long d, Rounding r) {
    try {
      return Exact.mulDiv(a, BigInteger.valueOf(b), BigInteger.valueOf(d), r);
    } catch (ArithmeticException e) {
      return e.getClass();
    }
  }

  private static Object small(BigInteger a, long b, long d, Rounding r) {
    try {
      return Exact.mulDiv(a, b, d, r);
    } catch (ArithmeticException e) {
      return e.getClass();
    }
  }

  private static void check(BigInteger a, long b, long d) {
    for (Rounding r : Rounding.values()) {
      assertThat(small(a, b, d, r)).as("%s * %d / %d %s", a, b, d, r).isEqualTo(general(a, b, d, r));
    }
  }

  private static BigInteger anyBits(SplittableRandom rnd, int maxBits) {
    int bits = rnd.nextInt(maxBits + 1);
    return bits == 0 ? BigInteger.ZERO : new BigInteger(bits, new java.util.Random(rnd.nextLong())).setBit(bits - 1);
  }

  @Test
  void randomOperandsMatchTheGeneralOverload() {
    SplittableRandom rnd = new SplittableRandom(20261202);
    for (int i = 0; i < 300_000; i++) {
      long d = ExactFastPathTest.anyBits(rnd);
      check(anyBits(rnd, 300), ExactFastPathTest.anyBits(rnd), d == 0 ? 1 : d);
    }
  }

  @Test
  void aaveShapedOperandsMatchTheGeneralOverload() {
    // percentMul / percentDiv: values up to 2^160, basis points and 10^4 either way round.
    SplittableRandom rnd = new SplittableRandom(4);
    for (int i = 0; i < 300_000; i++) {
      BigInteger v = anyBits(rnd, 160);
      long bps = rnd.nextLong(20_001);
      check(v, bps, 10_000);
      check(v, 10_000, bps == 0 ? 1 : bps);
    }
  }

  @Test
  void edgeValuesMatchTheGeneralOverload() {
    BigInteger[] as = {
      BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(Long.MAX_VALUE), BigInteger.ONE.shiftLeft(63),
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(127),
      BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(128), Exact.MAX
    };
    for (BigInteger a : as) {
      for (long b : EDGES) {
        for (long d : EDGES) {
          check(a, b, d == 0 ? 1 : d);
        }
      }
    }
  }

  @Test
  void refusalsAreTheGeneralOverloads() {
    BigInteger a = BigInteger.valueOf(12_345);
    check(a, 7, 0);
    check(a, -7, 3);
    check(a, 7, -3);
    check(BigInteger.valueOf(-5), 7, 3);
    check(Exact.MAX.add(BigInteger.ONE), 7, 3);
    assertThatThrownBy(() -> Exact.mulDiv(a, 7, 0, Rounding.DOWN)).isInstanceOf(ArithmeticException.class);
  }
}
