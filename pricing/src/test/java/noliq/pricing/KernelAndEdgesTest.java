package noliq.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free kernels ({@link InverseOptions#callIndex}, {@link InverseOptions#pIndex})
 * against the full valuation they shortcut, the maturity edge, the discounted put, and the input
 * and implied-volatility edges.
 */
class KernelAndEdgesTest {

  @Test
  void theKernelsAgreeWithTheFullValuationEverywhere() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 5_000; i++) {
      double x = rnd.nextDouble(100, 8_000);
      double s = rnd.nextDouble(100, 8_000);
      double days = rnd.nextDouble(0.01, 730);
      double vol = rnd.nextDouble(0.05, 2.5);
      double r = rnd.nextDouble(-0.02, 0.1);
      double q = rnd.nextDouble(0, 0.06);
      Valuation full = InverseOptions.value(new OptionInputs(x, s, days, vol, r, q));
      assertThat(InverseOptions.callIndex(x, s, days / 365, vol, r, q)).isCloseTo(full.nIndex(), within(1e-9 * x));
      Valuation zeroRates = InverseOptions.value(OptionInputs.of(x, s, days, vol));
      assertThat(InverseOptions.pIndex(x, s, days / 365, vol)).isCloseTo(zeroRates.pIndex(), within(1e-9 * x));
    }
  }

  @Test
  void atMaturityEveryFormIsThePayoff() {
    assertThat(InverseOptions.callIndex(3000, 2000, 0, 0.7, 0.05, 0.02)).isEqualTo(1000);
    assertThat(InverseOptions.callIndex(1500, 2000, 0, 0.7, 0.05, 0.02)).isEqualTo(0);
    assertThat(InverseOptions.callIndex(3000, 2000, -1e-9, 0.7, 0, 0)).isEqualTo(1000);
    assertThat(InverseOptions.pIndex(3000, 2000, 0, 0.7)).isEqualTo(2000);
    assertThat(InverseOptions.pIndex(1500, 2000, 0, 0.7)).isEqualTo(1500);
    Valuation itm = InverseOptions.value(OptionInputs.of(3000, 2000, 0, 0.7));
    assertThat(itm.nIndex()).isEqualTo(1000);
    assertThat(itm.pEth()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(itm.nIndexGreeks().delta()).isEqualTo(1.0);
    Valuation otm = InverseOptions.value(OptionInputs.of(1500, 2000, 0, 0.7));
    assertThat(otm.nIndex()).isEqualTo(0);
    assertThat(otm.pEth()).isEqualTo(1.0);
    assertThat(otm.nIndexGreeks().delta()).isEqualTo(0.0);
    // At the kink the right-hand slope: N starts paying.
    assertThat(InverseOptions.value(OptionInputs.of(2000, 2000, 0, 0.7)).nIndexGreeks().delta()).isEqualTo(1.0);
    // A moment before maturity the value is already the smooth one, not the payoff's.
    Valuation justBefore = InverseOptions.value(OptionInputs.of(2000, 2000, 1e-6, 0.7));
    assertThat(justBefore.nIndex()).isPositive();
  }

  @Test
  void thePutIsTheDiscountedStrikeLessP() {
    OptionInputs in = new OptionInputs(3000, 2000, 180, 0.7, 0.05, 0.03);
    Valuation v = InverseOptions.value(in);
    double discountedStrike = 2000 * Math.exp(-0.05 * 180 / 365.0);
    assertThat(v.putIndex()).isCloseTo(discountedStrike - v.pIndex(), within(1e-9));
    // Black-Scholes put from its own formula: S e^{-rT} N(-d2) - x e^{-qT} N(-d1).
    double t = 180 / 365.0;
    double sd = 0.7 * Math.sqrt(t);
    double d1 = (Math.log(3000 / 2000.0) + (0.05 - 0.03 + 0.245) * t) / sd;
    double d2 = d1 - sd;
    double put = 2000 * Math.exp(-0.05 * t) * InverseOptions.cdf(-d2) - 3000 * Math.exp(-0.03 * t) * InverseOptions.cdf(-d1);
    assertThat(v.putIndex()).isCloseTo(put, within(1e-8));
  }

  @Test
  void greeksNegateComponentwise() {
    Greeks g = new Greeks(0.1, -0.2, 3.0, -4.0);
    assertThat(g.negate()).isEqualTo(new Greeks(-0.1, 0.2, -3.0, 4.0));
    assertThat(g.thetaPerDay()).isCloseTo(-4.0 / 365, within(1e-15));
  }

  @Test
  void onlyNGainsFromVolatility() {
    assertThat(Leg.N_ETH.increasesWithVol()).isTrue();
    assertThat(Leg.N_INDEX.increasesWithVol()).isTrue();
    assertThat(Leg.P_ETH.increasesWithVol()).isFalse();
    assertThat(Leg.P_INDEX.increasesWithVol()).isFalse();
    OptionInputs in = OptionInputs.of(3000, 2500, 60, 0.5);
    for (Leg leg : Leg.values()) {
      double low = leg.of(InverseOptions.value(in.withVol(0.4)));
      double high = leg.of(InverseOptions.value(in.withVol(0.6)));
      assertThat(high > low).as(leg.name()).isEqualTo(leg.increasesWithVol());
    }
  }

  @Test
  void impliedVolatilityRoundTripsAndRefusesTheUnattainable() {
    OptionInputs in = OptionInputs.of(3000, 2000, 90, 0.7);
    for (Leg leg : Leg.values()) {
      double price = leg.of(InverseOptions.value(in));
      assertThat(ImpliedVolatility.solve(leg, price, in)).as(leg.name()).isCloseTo(0.7, within(1e-7));
    }
    double attainableMax = InverseOptions.value(in.withVol(ImpliedVolatility.MAX_VOL)).nEth();
    // The bounds themselves are attainable; just outside them is refused.
    assertThat(ImpliedVolatility.solve(Leg.N_ETH, attainableMax, in)).isCloseTo(ImpliedVolatility.MAX_VOL, within(1e-6));
    assertThatThrownBy(() -> ImpliedVolatility.solve(Leg.N_ETH, attainableMax * (1 + 1e-9), in))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("must lie between");
    double attainableMin = InverseOptions.value(in.withVol(ImpliedVolatility.MIN_VOL)).nEth();
    assertThat(ImpliedVolatility.solve(Leg.N_ETH, attainableMin, in)).isCloseTo(ImpliedVolatility.MIN_VOL, within(1e-6));
    assertThatThrownBy(() -> ImpliedVolatility.solve(Leg.N_ETH, Double.NaN, in)).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> ImpliedVolatility.solve(Leg.N_ETH, 0.1, in.withDays(0))).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("days");
  }

  @Test
  void inputsAreRefusedNamingTheFieldAtEachEdge() {
    assertThatThrownBy(() -> OptionInputs.of(Double.NaN, 2000, 30, 0.7)).isInstanceOf(RuleViolation.class)
        .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("spot"));
    assertThatThrownBy(() -> OptionInputs.of(3000, 2000, Double.POSITIVE_INFINITY, 0.7))
        .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("days"));
    assertThatThrownBy(() -> OptionInputs.of(3000, 2000, 30, Double.NaN))
        .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("vol"));
    assertThatThrownBy(() -> new OptionInputs(3000, 2000, 30, 0.7, Double.NaN, 0))
        .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("rate"));
    assertThatThrownBy(() -> new OptionInputs(3000, 2000, 30, 0.7, 0, Double.NaN))
        .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("eth-yield"));
    assertThatThrownBy(() -> OptionInputs.of(3000, 2000, -1e-9, 0.7))
        .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("days"));
    // Zero days is maturity: a zero volatility is then fine, and a negative one never is.
    assertThat(OptionInputs.of(3000, 2000, 0, 0).days()).isZero();
    assertThatThrownBy(() -> OptionInputs.of(3000, 2000, 0, -1e-9))
        .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("vol"));
    assertThatThrownBy(() -> OptionInputs.of(3000, 2000, 1e-9, 0))
        .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("vol"));
    assertThatThrownBy(() -> OptionInputs.of(0, 2000, 30, 0.7))
        .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("spot"));
  }
}
