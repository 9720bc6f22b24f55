package noliq.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {

  @Test
  void parsesExactly() {
    assertThat(Amount.of("1.5").wei()).isEqualTo(new BigInteger("1500000000000000000"));
    assertThat(Amount.of("0.000000000000000001").wei()).isEqualTo(BigInteger.ONE);
    assertThat(Amount.of("0").wei()).isEqualTo(BigInteger.ZERO);
    assertThat(Amount.of("  42 ").wei()).isEqualTo(BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(42)));
    assertThat(Price.of("2500.25").units()).isEqualTo(new BigInteger("2500250000000000000000"));
  }

  @Test
  void formatsShortestExactDecimal() {
    assertThat(Amount.of("1.50").toString()).isEqualTo("1.5");
    assertThat(Amount.of("2").toString()).isEqualTo("2");
    assertThat(Amount.of("100").toString()).isEqualTo("100");
    assertThat(Amount.ofWei(1).toString()).isEqualTo("0.000000000000000001");
    assertThat(Amount.ZERO.toString()).isEqualTo("0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "abc", "+1", "1e5", "1E5", "NaN", "Infinity", "1.", ".5", "1,5",
      "1 000", "0x10", "1.2.3", "١"})
  void rejectsMalformedText(String text) {
    assertThatThrownBy(() -> Amount.parse(text, "--collateral"))
        .isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("--collateral: ")
        .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("--collateral"));
  }

  @Test
  void rejectsNegativeTooPreciseAndTooLarge() {
    assertThatThrownBy(() -> Amount.parse("-1", "x"))
        .hasMessage("x: must not be negative (was -1)");
    assertThatThrownBy(() -> Amount.parse("1.0000000000000000001", "x"))
        .hasMessage("x: has more than 18 decimal places (was 1.0000000000000000001)");
    String tooLarge = Exact.MAX.add(BigInteger.ONE).toString();
    assertThatThrownBy(() -> Amount.parse(tooLarge, "x")).hasMessageContaining("too large");
    // The largest representable amount parses (as wei: 2^256-1 base units).
    assertThat(Amount.ofWei(Exact.MAX).wei()).isEqualTo(Exact.MAX);
  }

  @Test
  void fromDoubleIsTheExactBinaryValueRoundedAsNamed() {
    // 0.1 as a double is 0.1000000000000000055511151231257827...
    assertThat(Amount.fromDouble(0.1, Rounding.DOWN).wei()).isEqualTo(new BigInteger("100000000000000005"));
    assertThat(Amount.fromDouble(0.1, Rounding.UP).wei()).isEqualTo(new BigInteger("100000000000000006"));
    assertThat(Amount.fromDouble(1.5, Rounding.DOWN)).isEqualTo(Amount.of("1.5"));
    assertThat(Amount.fromDouble(1.5, Rounding.UP)).isEqualTo(Amount.of("1.5"));
    assertThat(Amount.fromDouble(0.0, Rounding.UP)).isEqualTo(Amount.ZERO);
  }

  @Test
  void fromDoubleRejectsNanInfinityAndNegatives() {
    assertThatThrownBy(() -> Amount.fromDouble(Double.NaN, Rounding.DOWN)).hasMessage("amount: must be a number (was NaN)");
    assertThatThrownBy(() -> Amount.fromDouble(Double.POSITIVE_INFINITY, Rounding.DOWN)).hasMessage("amount: must be finite (was Infinity)");
    assertThatThrownBy(() -> Amount.fromDouble(-0.5, Rounding.DOWN)).hasMessage("amount: must not be negative (was -0.5)");
    assertThatThrownBy(() -> Price.fromDouble(1e80, Rounding.DOWN)).hasMessageContaining("too large");
  }

  @Test
  void doubleRoundTripIsNearestAndBracketed() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      double v = Math.exp(rnd.nextDouble(-40, 40));
      Amount down = Amount.fromDouble(v, Rounding.DOWN);
      Amount up = Amount.fromDouble(v, Rounding.UP);
      assertThat(up.wei().subtract(down.wei())).isBetween(BigInteger.ZERO, BigInteger.ONE);
      // Back to double: within one wei of v, plus the double rounding of the result.
      assertThat(Math.abs(down.toDouble() - v)).isLessThanOrEqualTo(1e-18 + Math.ulp(v));
    }
    assertThat(Amount.of("1234.5678").toDouble()).isEqualTo(1234.5678);
    assertThat(Amount.ofWei(Exact.MAX).toDouble()).isEqualTo(Exact.MAX.doubleValue() / 1e18, org.assertj.core.data.Offset.offset(1e47));
  }
}
