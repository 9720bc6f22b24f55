package noliq.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Every greek of P and N, in both numeraires, against central finite differences of the value
 * itself: delta and gamma in the index value x, vega in the volatility, theta in calendar time
 * (a day passing shortens the time to maturity by a day). The closed forms in
 * {@link InverseOptions#value} are checked by nothing but the definition of each greek, so a sign,
 * a quotient-rule term or a numeraire mix-up cannot survive.
 */
class GreeksFiniteDifferenceTest {

  /** One leg in one numeraire: how to read its value and its greeks from a valuation. */
  private record LegView(String name, ToDoubleFunction<Valuation> value, java.util.function.Function<Valuation, Greeks> greeks) {}

  private static final LegView[] LEGS = {
      new LegView("P in ETH", Valuation::pEth, Valuation::pEthGreeks),
      new LegView("N in ETH", Valuation::nEth, Valuation::nEthGreeks),
      new LegView("P in index units", Valuation::pIndex, Valuation::pIndexGreeks),
      new LegView("N in index units", Valuation::nIndex, Valuation::nIndexGreeks),
  };

  @Test
  void everyGreekOfEveryLegMatchesCentralDifferencesOfItsValue() {
    SplittableRandom rnd = new SplittableRandom(20261201);
    int checked = 0;
    for (int i = 0; i < 400; i++) {
      double spot = rnd.nextDouble(500, 6000);
      // Strikes from deep in the money to out of the money, as the wrappers hold them.
      double strike = spot * rnd.nextDouble(0.3, 1.5);
      double days = rnd.nextDouble(3, 400);
      double vol = rnd.nextDouble(0.2, 1.5);
      double rate = rnd.nextDouble(-0.01, 0.08);
      double ethYield = rnd.nextDouble(0, 0.05);
      OptionInputs in = new OptionInputs(spot, strike, days, vol, rate, ethYield);
      Valuation v = InverseOptions.value(in);
      for (LegView leg : LEGS) {
        Greeks g = leg.greeks().apply(v);
        double hx = spot * 1e-4;
        double up = leg.value().applyAsDouble(InverseOptions.value(in.withSpot(spot + hx)));
        double mid = leg.value().applyAsDouble(v);
        double down = leg.value().applyAsDouble(InverseOptions.value(in.withSpot(spot - hx)));
        double delta = (up - down) / (2 * hx);
        double hg = spot * 2e-3;
        double upG = leg.value().applyAsDouble(InverseOptions.value(in.withSpot(spot + hg)));
        double downG = leg.value().applyAsDouble(InverseOptions.value(in.withSpot(spot - hg)));
        double gamma = (upG - 2 * mid + downG) / (hg * hg);
        double hv = 1e-5;
        double vega = (leg.value().applyAsDouble(InverseOptions.value(in.withVol(vol + hv)))
            - leg.value().applyAsDouble(InverseOptions.value(in.withVol(vol - hv)))) / (2 * hv);
        double hd = 1e-3;
        // Calendar time passing: the value a day later minus the value now, so theta = -dV/d(days) * 365.
        double theta = (leg.value().applyAsDouble(InverseOptions.value(in.withDays(days - hd)))
            - leg.value().applyAsDouble(InverseOptions.value(in.withDays(days + hd)))) / (2 * hd)
            * OptionInputs.DAYS_PER_YEAR;
        String where = leg.name() + " at " + in;
        close(where + ": delta", g.delta(), delta, scale(leg, v, spot) / spot);
        close(where + ": gamma", g.gamma(), gamma, scale(leg, v, spot) / (spot * spot) * 50);
        close(where + ": vega", g.vega(), vega, scale(leg, v, spot));
        close(where + ": theta", g.theta(), theta, scale(leg, v, spot));
        checked += 4;
      }
    }
    assertThat(checked).isEqualTo(400 * 4 * 4);
  }

  /**
   * P's theta is the roll's carry: a P holder's deep in-the-money P gains value as time passes (the
   * short put decays), so with r = q = 0 its theta is positive in both numeraires, and N's is its
   * mirror image (negative). Checked against the definition at a setting from the proposal's table.
   */
  @Test
  void pGainsAndNLosesAsTimePassesAtZeroRates() {
    OptionInputs in = OptionInputs.of(2500, 1500, 45, 0.80);
    Valuation v = InverseOptions.value(in);
    Valuation dayLater = InverseOptions.value(in.withDays(44));
    assertThat(v.pIndexGreeks().theta()).isPositive();
    assertThat(v.pEthGreeks().theta()).isPositive();
    assertThat(v.nIndexGreeks().theta()).isNegative();
    assertThat(v.nEthGreeks().theta()).isNegative();
    // A day's carry from the value itself (the curve is convex in time, so allow 2%).
    double carry = dayLater.pIndex() - v.pIndex();
    assertThat(v.pIndexGreeks().thetaPerDay()).isBetween(carry * 0.98, carry * 1.02);
    // P + N in ETH is exactly one ETH at q = 0, so their thetas cancel.
    assertThat(v.pEthGreeks().theta() + v.nEthGreeks().theta()).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-12));
  }

  /** The size of the leg's value in its own numeraire, for a relative tolerance. */
  private static double scale(LegView leg, Valuation v, double spot) {
    return leg.name().endsWith("ETH") ? 1.0 : spot;
  }

  private static void close(String what, double analytic, double numeric, double unit) {
    double tolerance = 2e-5 * Math.max(unit, 1e-12) + 1e-6 * Math.abs(numeric);
    assertThat(Math.abs(analytic - numeric)).as(what + " (analytic %s, numeric %s)", analytic, numeric)
        .isLessThanOrEqualTo(tolerance);
  }
}
