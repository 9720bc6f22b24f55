package noliq.debt.maker;

import static noliq.debt.maker.DssMath.RAY;
import static noliq.debt.maker.DssMath.ray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** The published ETH curve (forum, July 2021): 1.0 × oracle after 19 minutes, 0.486 × oracle at the tail. */
class ClipperCurveTest {
  private static final ClipperParams ETH_B = ClipperParams.ethB();
  /** top for an oracle price of exactly 1: rmul(RAY, buf) = buf. */
  private static final BigInteger TOP = DssMath.rmul(RAY, ETH_B.buf());

  @Test
  void stairstepFirstReachesTheOraclePriceAfterNineteenMinutes() {
    long firstAtOrBelow = -1;
    for (long t = 0; t <= ETH_B.tail(); t++) {
      if (ETH_B.calc().price(TOP, t).compareTo(RAY) <= 0) {
        firstAtOrBelow = t;
        break;
      }
    }
    assertThat(firstAtOrBelow).isEqualTo(19 * 60);
    // One second earlier the price is still above the oracle (18 cuts: 1.2 · 0.99^18 ≈ 1.0022).
    assertThat(ETH_B.calc().price(TOP, 19 * 60 - 1)).isGreaterThan(RAY);
  }

  @Test
  void stairstepIsAbout0486OfTheOracleAtTheTail() {
    BigInteger atTail = ETH_B.calc().price(TOP, ETH_B.tail());
    double fraction = DssMath.rayToDouble(atTail);
    assertThat(fraction).isBetween(0.4856, 0.4857);
    assertThat(String.format("%.3f", fraction)).isEqualTo("0.486");
    // Against an independent exact computation: 1.2 · 0.99^90, within the rounding of 7 squarings.
    BigDecimal exact = new BigDecimal("1.2").multiply(new BigDecimal("0.99").pow(90), MathContext.DECIMAL128);
    BigInteger exactRay = exact.movePointRight(27).toBigInteger();
    assertThat(atTail.subtract(exactRay).abs()).isLessThan(BigInteger.valueOf(20));
  }

  @Test
  void atTheTailTheAuctionIsStillLiveAndOneSecondLaterItNeedsARedo() {
    // cusp 0.4 is not hit before the tail: 0.99^90 ≈ 0.4047 of top.
    BigInteger atTail = ETH_B.calc().price(TOP, ETH_B.tail());
    assertThat(DssMath.rdiv(atTail, TOP)).isGreaterThanOrEqualTo(ETH_B.cusp());
  }

  @Test
  void stairstepHoldsThePriceWithinAStep() {
    Abacus.StairstepExponentialDecrease calc = new Abacus.StairstepExponentialDecrease(ray("0.99"), 60);
    assertThat(calc.price(TOP, 0)).isEqualTo(TOP);
    assertThat(calc.price(TOP, 59)).isEqualTo(TOP);
    assertThat(calc.price(TOP, 60)).isEqualTo(ray("1.188"));
    assertThat(calc.price(TOP, 120)).isEqualTo(ray("1.17612"));
  }

  @Test
  void linearDecreaseFallsToZeroAtTau() {
    Abacus.LinearDecrease calc = new Abacus.LinearDecrease(3600);
    assertThat(calc.price(ray("100"), 0)).isEqualTo(ray("100"));
    assertThat(calc.price(ray("100"), 1800)).isEqualTo(ray("50"));
    // abaci.sol floors (tau - dur)·RAY / tau first, then rmul floors again: two rounding steps.
    assertThat(calc.price(ray("100"), 3599)).isEqualTo(ray("0.0277777777777777777777777"));
    assertThat(calc.price(ray("100"), 3600)).isZero();
    assertThat(calc.price(ray("100"), 99999)).isZero();
  }

  @Test
  void exponentialDecreaseCutsEverySecond() {
    Abacus.ExponentialDecrease calc = new Abacus.ExponentialDecrease(ray("0.999"));
    assertThat(calc.price(ray("100"), 0)).isEqualTo(ray("100"));
    assertThat(calc.price(ray("100"), 1)).isEqualTo(ray("99.9"));
    assertThat(calc.price(ray("100"), 2)).isEqualTo(ray("99.8001"));
    assertThat(calc.price(ray("100"), 3)).isEqualTo(ray("99.7002999"));
  }

  @Test
  void rpowRoundsHalfUpAtEverySquaringLikeTheContract() {
    // 0.5 at base 10: z = 5; 5·5 = 25, +5 = 30, /10 = 3 (half up), not 2 (floor).
    assertThat(DssMath.rpow(BigInteger.valueOf(5), 2, BigInteger.TEN)).isEqualTo(BigInteger.valueOf(3));
    assertThat(DssMath.rpow(BigInteger.valueOf(7), 0, BigInteger.TEN)).isEqualTo(BigInteger.TEN);
    assertThat(DssMath.rpow(BigInteger.ZERO, 5, BigInteger.TEN)).isZero();
  }

  @Test
  void badCurveParametersAreRefused() {
    assertThatThrownBy(() -> new Abacus.StairstepExponentialDecrease(ray("1.01"), 60))
        .hasMessage("cut: must be between 0 and 1 (was 1.01)");
    assertThatThrownBy(() -> new Abacus.StairstepExponentialDecrease(ray("0.99"), 0))
        .hasMessage("step: must be positive (was 0)");
    assertThatThrownBy(() -> new Abacus.LinearDecrease(-5)).hasMessage("tau: must be positive (was -5)");
  }
}
