package noliq.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The edges of the exact value types: each comparison at, just below and just above equality;
 * each range check at 0, 2^256 - 1 and 2^256; each conversion at the boundary where its fast path
 * hands over to the exact one. A boundary moved by one unit fails here.
 */
class ValueTypesBoundaryTest {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  @Test
  void amountComparisonsAtEqualityAndOneWeiEitherSide() {
    Amount a = Amount.ofWei(1_000);
    Amount same = Amount.ofWei(1_000);
    Amount below = Amount.ofWei(999);
    Amount above = Amount.ofWei(1_001);
    assertThat(a.isLessThan(same)).isFalse();
    assertThat(a.isGreaterThan(same)).isFalse();
    assertThat(a.isLessThan(above)).isTrue();
    assertThat(a.isGreaterThan(below)).isTrue();
    assertThat(a.isLessThan(below)).isFalse();
    assertThat(a.isGreaterThan(above)).isFalse();
    assertThat(a.compareTo(above)).isNegative();
    assertThat(a.compareTo(below)).isPositive();
    assertThat(a.compareTo(same)).isZero();
    assertThat(Amount.min(a, above)).isEqualTo(a);
    assertThat(Amount.min(above, a)).isEqualTo(a);
    assertThat(Amount.max(a, below)).isEqualTo(a);
    assertThat(Amount.max(below, a)).isEqualTo(a);
    assertThat(Amount.ZERO.isZero()).isTrue();
    assertThat(Amount.ofWei(1).isZero()).isFalse();
    assertThat(Amount.ofWei(1).isPositive()).isTrue();
    assertThat(Amount.ZERO.isPositive()).isFalse();
  }

  @Test
  void amountArithmeticIsExactAndRefusesToLeaveTheRange() {
    Amount max = Amount.ofWei(Exact.MAX);
    assertThat(Amount.of("1.5").plus(Amount.of("2.25"))).isEqualTo(Amount.of("3.75"));
    assertThat(Amount.of("3.75").minus(Amount.of("2.25"))).isEqualTo(Amount.of("1.5"));
    assertThat(Amount.of("1.5").minus(Amount.of("1.5"))).isEqualTo(Amount.ZERO);
    assertThatThrownBy(() -> Amount.of("1.5").minus(Amount.ofWei(Amount.of("1.5").wei().add(BigInteger.ONE))))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> max.plus(Amount.ofWei(1))).isInstanceOf(ArithmeticException.class);
    assertThat(max.plus(Amount.ZERO)).isEqualTo(max);
    assertThat(Amount.of(3).times(7)).isEqualTo(Amount.of(21));
    assertThat(Amount.ofWei(Exact.MAX.shiftRight(1)).times(2)).isEqualTo(Amount.ofWei(Exact.MAX.subtract(BigInteger.ONE)));
    assertThatThrownBy(() -> Amount.ofWei(Exact.MAX.shiftRight(1).add(BigInteger.ONE)).times(2))
        .isInstanceOf(ArithmeticException.class);
    // 10 * 1 / 3 = 3.33..: down 3, up 4.
    assertThat(Amount.ofWei(10).mulDiv(BigInteger.ONE, BigInteger.valueOf(3), Rounding.DOWN)).isEqualTo(Amount.ofWei(3));
    assertThat(Amount.ofWei(10).mulDiv(Amount.ofWei(1), Amount.ofWei(3), Rounding.UP)).isEqualTo(Amount.ofWei(4));
    assertThat(Amount.of(0).isZero()).isTrue();
    assertThatThrownBy(() -> Amount.of(-1)).isInstanceOf(RuleViolation.class).hasMessageContaining("negative");
    assertThat(Amount.of(2).wei()).isEqualTo(Exact.WAD.shiftLeft(1));
    assertThat(Amount.of("0.000000000000000001")).isEqualTo(Amount.ofWei(1));
  }

  @Test
  void theRangeIsExactlyZeroToTwoTo256() {
    assertThat(Amount.ofWei(Exact.MAX).wei()).isEqualTo(TWO_256.subtract(BigInteger.ONE));
    assertThatThrownBy(() -> Amount.ofWei(TWO_256)).isInstanceOf(RuleViolation.class).hasMessageContaining("2^256");
    assertThatThrownBy(() -> Amount.ofWei(BigInteger.valueOf(-1))).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> new Price(TWO_256)).isInstanceOf(RuleViolation.class);
    assertThat(Exact.requireInRange(Exact.MAX, "x")).isEqualTo(Exact.MAX);
    assertThat(Exact.requireInRange(BigInteger.ZERO, "x")).isEqualTo(BigInteger.ZERO);
    assertThatThrownBy(() -> Exact.requireInRange(null, "field-name")).isInstanceOf(RuleViolation.class)
        .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("field-name"));
    assertThat(Exact.inRange(Exact.MAX)).isTrue();
    assertThat(Exact.inRange(TWO_256)).isFalse();
    assertThat(Exact.inRange(BigInteger.valueOf(-1))).isFalse();
  }

  @Test
  void exactOperationsAtTheirEdges() {
    assertThat(Exact.add(Exact.MAX.subtract(BigInteger.ONE), BigInteger.ONE)).isEqualTo(Exact.MAX);
    assertThatThrownBy(() -> Exact.add(Exact.MAX, BigInteger.ONE)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Exact.add(BigInteger.TWO, BigInteger.valueOf(-1))).isInstanceOf(ArithmeticException.class);
    assertThat(Exact.sub(BigInteger.TEN, BigInteger.TEN)).isEqualTo(BigInteger.ZERO);
    assertThat(Exact.sub(BigInteger.TEN, BigInteger.ONE)).isEqualTo(BigInteger.valueOf(9));
    assertThatThrownBy(() -> Exact.sub(BigInteger.TEN, BigInteger.valueOf(11))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Exact.sub(BigInteger.TEN, BigInteger.valueOf(-1))).isInstanceOf(ArithmeticException.class);
    assertThat(Exact.mul(BigInteger.valueOf(6), BigInteger.valueOf(7))).isEqualTo(BigInteger.valueOf(42));
    assertThat(Exact.mul(BigInteger.ONE.shiftLeft(128), BigInteger.ONE.shiftLeft(127))).isEqualTo(BigInteger.ONE.shiftLeft(255));
    assertThatThrownBy(() -> Exact.mul(BigInteger.ONE.shiftLeft(128), BigInteger.ONE.shiftLeft(128)))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Exact.mul(BigInteger.valueOf(-2), BigInteger.valueOf(-3))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Exact.mul(BigInteger.valueOf(2), BigInteger.valueOf(-3))).isInstanceOf(ArithmeticException.class);
    assertThat(Exact.div(BigInteger.valueOf(7), BigInteger.valueOf(2), Rounding.DOWN)).isEqualTo(BigInteger.valueOf(3));
    assertThat(Exact.div(BigInteger.valueOf(7), BigInteger.valueOf(2), Rounding.UP)).isEqualTo(BigInteger.valueOf(4));
    assertThat(Exact.div(BigInteger.valueOf(8), BigInteger.valueOf(2), Rounding.UP)).isEqualTo(BigInteger.valueOf(4));
    // HALF_UP: exactly half rounds up, just below half rounds down.
    assertThat(Exact.mulDiv(BigInteger.valueOf(5), BigInteger.ONE, BigInteger.TEN, Rounding.HALF_UP)).isEqualTo(BigInteger.ONE);
    assertThat(Exact.mulDiv(BigInteger.valueOf(49), BigInteger.ONE, BigInteger.valueOf(100), Rounding.HALF_UP)).isEqualTo(BigInteger.ZERO);
  }

  @Test
  void priceBehavesLikeAnAmountOfIndexUnits() {
    Price p = Price.of(2_000);
    assertThat(p.units()).isEqualTo(BigInteger.valueOf(2_000).multiply(Exact.WAD));
    assertThat(Price.of(0)).isEqualTo(Price.ZERO);
    assertThatThrownBy(() -> Price.of(-1)).isInstanceOf(RuleViolation.class).hasMessageContaining("negative");
    assertThat(p.isPositive()).isTrue();
    assertThat(Price.ZERO.isPositive()).isFalse();
    assertThat(new Price(BigInteger.ONE).isPositive()).isTrue();
    assertThat(Price.min(p, Price.of(1_999))).isEqualTo(Price.of(1_999));
    assertThat(Price.min(Price.of(1_999), p)).isEqualTo(Price.of(1_999));
    assertThat(p.compareTo(Price.of(2_001))).isNegative();
    assertThat(p.compareTo(Price.of(1_999))).isPositive();
    assertThat(p.compareTo(Price.of("2000.000"))).isZero();
    assertThat(p.toDouble()).isEqualTo(2000.0);
    assertThat(Price.fromDouble(1999.5, Rounding.DOWN)).isEqualTo(Price.of("1999.5"));
    assertThat(p.mulDiv(BigInteger.ONE, BigInteger.valueOf(3), Rounding.DOWN).units())
        .isEqualTo(p.units().divide(BigInteger.valueOf(3)));
    assertThat(p.mulDiv(BigInteger.ONE, BigInteger.valueOf(3), Rounding.UP).units())
        .isEqualTo(p.units().divide(BigInteger.valueOf(3)).add(BigInteger.ONE));
    assertThat(p.toString()).isEqualTo("2000");
    assertThat(Price.of("0.5").toString()).isEqualTo("0.5");
  }

  @Test
  void doubleConversionsAtTheFastPathBoundary() {
    // 2^53 units is where the exact-double fast path stops; both sides must give the nearest double.
    BigInteger twoTo53 = BigInteger.ONE.shiftLeft(53);
    for (BigInteger u : new BigInteger[] {twoTo53.subtract(BigInteger.ONE), twoTo53, twoTo53.add(BigInteger.ONE)}) {
      double expected = new java.math.BigDecimal(u, 18).doubleValue();
      assertThat(Decimals.toDouble(u, 18)).isEqualTo(expected);
      assertThat(Decimals.toDouble(u, 23)).isEqualTo(new java.math.BigDecimal(u, 23).doubleValue());
    }
    assertThat(Decimals.toDouble(BigInteger.valueOf(15), 1)).isEqualTo(1.5);
    assertThat(Amount.of("0.1").toDouble()).isEqualTo(0.1);
    assertThat(Decimals.format(BigInteger.valueOf(1_500), 3)).isEqualTo("1.5");
    assertThat(Decimals.format(BigInteger.valueOf(2_000), 3)).isEqualTo("2");
    assertThat(Decimals.format(BigInteger.valueOf(20), 0)).isEqualTo("20");
  }

  @Test
  void parsingAtTheScaleAndRangeEdges() {
    assertThat(Decimals.parse("1.123", 3, "f")).isEqualTo(BigInteger.valueOf(1_123));
    assertThatThrownBy(() -> Decimals.parse("1.1234", 3, "f")).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("more than 3 decimal places");
    assertThat(Decimals.parse("0", 0, "f")).isEqualTo(BigInteger.ZERO);
    String maxText = Exact.MAX.toString();
    assertThat(Decimals.parse(maxText, 0, "f")).isEqualTo(Exact.MAX);
    assertThatThrownBy(() -> Decimals.parse(TWO_256.toString(), 0, "f")).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("too large");
    for (String bad : new String[] {"", " ", "-1", "1.", ".5", "1e3", "0x10", "1,5", "+1"}) {
      assertThatThrownBy(() -> Decimals.parse(bad, 3, "f")).as(bad).isInstanceOf(RuleViolation.class);
    }
    assertThat(Decimals.fromDouble(0.5, 0, Rounding.HALF_UP, "f")).isEqualTo(BigInteger.ONE);
    assertThat(Decimals.fromDouble(0.5, 0, Rounding.DOWN, "f")).isEqualTo(BigInteger.ZERO);
    assertThat(Decimals.fromDouble(0.25, 0, Rounding.UP, "f")).isEqualTo(BigInteger.ONE);
    assertThat(Decimals.fromDouble(0.0, 18, Rounding.UP, "f")).isEqualTo(BigInteger.ZERO);
    assertThatThrownBy(() -> Decimals.fromDouble(-0.5, 0, Rounding.DOWN, "f")).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> Decimals.fromDouble(Double.NaN, 0, Rounding.DOWN, "f")).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> Decimals.fromDouble(Double.POSITIVE_INFINITY, 0, Rounding.DOWN, "f")).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> Decimals.fromDouble(0x1p256, 0, Rounding.DOWN, "f")).isInstanceOf(RuleViolation.class);
    assertThat(Decimals.fromDouble(0x1p255, 0, Rounding.DOWN, "f")).isEqualTo(BigInteger.ONE.shiftLeft(255));
    RuleViolation v = new RuleViolation("spot", "must be positive");
    assertThat(v.field()).isEqualTo("spot");
    assertThat(v.rule()).isEqualTo("must be positive");
  }
}
