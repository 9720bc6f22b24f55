package noliq.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The 128-bit fast paths of {@link Decimals#toDouble} and {@link Decimals#fromDouble} give exactly
 * what {@link BigDecimal} gives (the reference: correctly rounded to nearest-even, and the exact
 * binary value rounded as named), over millions of seeded values of every width, every scale the
 * fast paths take, exact midpoints between doubles and exact halves between units.
 */
class DecimalsFastPathTest {
  private static final int[] SCALES = {0, 1, 6, 8, 18, 27};

  private static double referenceToDouble(BigInteger units, int scale) {
    return new BigDecimal(units, scale).doubleValue();
  }

  private static BigInteger referenceFromDouble(double value, int scale, Rounding rounding) {
    RoundingMode mode = switch (rounding) {
      case DOWN -> RoundingMode.DOWN;
      case UP -> RoundingMode.UP;
      case HALF_UP -> RoundingMode.HALF_UP;
    };
    return new BigDecimal(value).setScale(scale, mode).unscaledValue();
  }

  private static void checkToDouble(BigInteger units, int scale) {
    assertThat(Decimals.toDouble(units, scale)).as("%s at scale %d", units, scale)
        .isEqualTo(referenceToDouble(units, scale));
  }

  private static void checkFromDouble(double value, int scale) {
    for (Rounding r : Rounding.values()) {
      assertThat(Decimals.fromDouble(value, scale, r, "x")).as("%s at scale %d %s", value, scale, r)
          .isEqualTo(referenceFromDouble(value, scale, r));
    }
  }

  @Test
  void toDoubleOfEveryWidthIsTheCorrectlyRoundedQuotient() {
    SplittableRandom rnd = new SplittableRandom(20261201);
    java.util.Random bits = new java.util.Random(5);
    for (int i = 0; i < 1_000_000; i++) {
      int width = 1 + rnd.nextInt(130);
      BigInteger units = new BigInteger(width, bits).setBit(width - 1);
      checkToDouble(units, SCALES[rnd.nextInt(SCALES.length)]);
    }
  }

  @Test
  void toDoubleOfExactMidpointsRoundsToEven() {
    // units / 10^scale = odd * 2^j with a 54-bit odd: exactly halfway between two doubles.
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < 200_000; i++) {
      int scale = SCALES[rnd.nextInt(SCALES.length)];
      long odd = (1L << 53) | (rnd.nextLong() & ((1L << 53) - 1)) | 1;
      int j = rnd.nextInt(20);
      BigInteger units = BigInteger.valueOf(odd).multiply(BigInteger.valueOf(Wide.POW5[scale])).shiftLeft(j);
      checkToDouble(units, scale);
      checkToDouble(units.add(BigInteger.ONE), scale);
      checkToDouble(units.subtract(BigInteger.ONE), scale);
    }
  }

  @Test
  void toDoubleAtTheEdges() {
    for (int scale : SCALES) {
      for (int k = 0; k < 130; k++) {
        BigInteger p = BigInteger.ONE.shiftLeft(k);
        checkToDouble(p, scale);
        checkToDouble(p.add(BigInteger.ONE), scale);
        if (k > 0) {
          checkToDouble(p.subtract(BigInteger.ONE), scale);
        }
      }
      checkToDouble(BigInteger.TEN.pow(scale), scale);
      checkToDouble(BigInteger.TEN.pow(scale).multiply(BigInteger.valueOf(2712)), scale);
    }
  }

  @Test
  void fromDoubleOfEveryMagnitudeIsTheExactValueRoundedAsNamed() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < 1_000_000; i++) {
      // a random finite non-negative double between 2^-120 and 2^90, mantissa bits uniform
      long exponent = 1023 - 120 + rnd.nextInt(211);
      double value = Double.longBitsToDouble((exponent << 52) | (rnd.nextLong() & ((1L << 52) - 1)));
      checkFromDouble(value, SCALES[rnd.nextInt(SCALES.length)]);
    }
  }

  @Test
  void fromDoubleOfExactHalvesAndEdges() {
    SplittableRandom rnd = new SplittableRandom(13);
    for (int i = 0; i < 200_000; i++) {
      // n + 1/2 units, n + 1/4 units and n units at scale 0, and their images at other scales
      long n = rnd.nextLong() >>> (11 + rnd.nextInt(53));
      checkFromDouble(n + 0.5, 0);
      checkFromDouble(n + 0.25, 0);
      checkFromDouble(n, 0);
      checkFromDouble((n + 0.5) / 8, 3);
    }
    for (double v : new double[] {Double.MIN_VALUE, Double.MIN_NORMAL, 1e-18, 5e-19, 0.5e-18, 1.5, 2712.345678901234567,
        0x1p63, 0x1p64, 0x1p90, 0x1p100, Math.nextDown(0x1p64), 1e20, 1e21, 123456789.123456789}) {
      for (int scale : SCALES) {
        checkFromDouble(v, scale);
      }
    }
    assertThat(Decimals.fromDouble(0.0, 18, Rounding.UP, "x")).isZero();
    assertThat(Decimals.fromDouble(-0.0, 18, Rounding.UP, "x")).isZero();
  }
}
