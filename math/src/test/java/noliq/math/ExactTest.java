package noliq.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactTest {
  private static BigInteger b(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void mulDivRoundsAsNamed() {
    assertThat(Exact.mulDiv(b(10), b(1), b(3), Rounding.DOWN)).isEqualTo(b(3));
    assertThat(Exact.mulDiv(b(10), b(1), b(3), Rounding.UP)).isEqualTo(b(4));
    assertThat(Exact.mulDiv(b(10), b(1), b(4), Rounding.HALF_UP)).isEqualTo(b(3)); // 2.5 -> 3
    assertThat(Exact.mulDiv(b(9), b(1), b(4), Rounding.HALF_UP)).isEqualTo(b(2)); // 2.25 -> 2
    assertThat(Exact.mulDiv(b(12), b(1), b(4), Rounding.UP)).isEqualTo(b(3)); // exact: no rounding
  }

  @Test
  void mulDivIsExactBeyond256BitIntermediates() {
    // (2^256-1) * (2^256-1) / (2^256-1) overflows any fixed 256-bit product but is exact here.
    assertThat(Exact.mulDiv(Exact.MAX, Exact.MAX, Exact.MAX, Rounding.DOWN)).isEqualTo(Exact.MAX);
  }

  @Test
  void rejectsRatherThanOverflow() {
    assertThatThrownBy(() -> Exact.mulDiv(Exact.MAX, b(2), b(1), Rounding.DOWN))
        .isInstanceOf(ArithmeticException.class).hasMessageContaining("exceeds 2^256");
    assertThatThrownBy(() -> Exact.add(Exact.MAX, BigInteger.ONE)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Exact.sub(b(1), b(2))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Exact.mulDiv(b(1), b(1), b(0), Rounding.DOWN)).hasMessage("mulDiv by zero");
    assertThatThrownBy(() -> Exact.mulDiv(b(-1), b(1), b(1), Rounding.DOWN)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Amount.ONE.minus(Amount.of(2))).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void roundingBracketsTheTrueQuotient() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < 50_000; i++) {
      BigInteger a = new BigInteger(1 + rnd.nextInt(255), new java.util.Random(rnd.nextLong()));
      BigInteger m = new BigInteger(1 + rnd.nextInt(128), new java.util.Random(rnd.nextLong()));
      BigInteger d = new BigInteger(1 + rnd.nextInt(200), new java.util.Random(rnd.nextLong())).add(BigInteger.ONE);
      BigInteger product = a.multiply(m);
      if (product.divide(d).bitLength() >= 256) {
        continue;
      }
      BigInteger down = Exact.mulDiv(a, m, d, Rounding.DOWN);
      BigInteger up = Exact.mulDiv(a, m, d, Rounding.UP);
      // down*d <= a*m <= up*d, and up - down is 1 exactly when the division is inexact.
      assertThat(down.multiply(d)).isLessThanOrEqualTo(product);
      assertThat(up.multiply(d)).isGreaterThanOrEqualTo(product);
      assertThat(up.subtract(down)).isEqualTo(product.mod(d).signum() == 0 ? BigInteger.ZERO : BigInteger.ONE);
    }
  }
}
