package noliq.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InverseOptionsTest {

  /** anchors.md D1: x = 3000, r = q = 0, sigma = 0.70. */
  @ParameterizedTest(name = "S={0}, {1} days")
  @CsvSource({
      // S,   days, N_ETH,    P_ETH,    P_index, put,    dP_index/dx
      "1500,  7,    0.500000, 0.500000, 1500.00, 0.0000, 0.0000",
      "1500,  28,   0.500006, 0.499994, 1499.98, 0.0177, 0.00012",
      "2000,  90,   0.350211, 0.649789, 1949.37, 50.63,  0.0901",
      "1500,  365,  0.540420, 0.459580, 1378.74, 121.26, 0.0901",
      "2000,  365,  0.429845, 0.570155, 1710.46, 289.54, 0.1764",
  })
  void reproducesTheAnchorVectors(double strike, double days, double nEth, double pEth, double pIndex,
      double put, double pDelta) {
    Valuation v = InverseOptions.value(OptionInputs.of(3000, strike, days, 0.70));
    assertThat(v.nEth()).isCloseTo(nEth, within(1e-6));
    assertThat(v.pEth()).isCloseTo(pEth, within(1e-6));
    assertThat(v.pIndex()).isCloseTo(pIndex, within(0.005));
    assertThat(v.putIndex()).isCloseTo(put, within(0.005));
    assertThat(v.pIndexGreeks().delta()).isCloseTo(pDelta, within(0.00005));
  }

  /** proposal.md section 4's own illustrative table (sigma 80%, r = 0). */
  @Test
  void reproducesTheProposalDriftTable() {
    Valuation a = InverseOptions.value(OptionInputs.of(2500, 1500, 45, 0.80));
    assertThat(a.pIndex()).isCloseTo(1492.65, within(0.005));
    assertThat(a.putIndex() / 1500).isCloseTo(0.0049, within(0.00005));
    assertThat(a.pIndexGreeks().delta()).isCloseTo(0.025, within(0.0005));
    Valuation b = InverseOptions.value(OptionInputs.of(1875, 1250, 30, 0.80));
    assertThat(b.pIndex()).isCloseTo(1244.59, within(0.005));
    assertThat(b.pIndexGreeks().delta()).isCloseTo(0.030, within(0.0005));
    Valuation c = InverseOptions.value(OptionInputs.of(1499, 1500, 14, 0.80));
    assertThat(c.pIndex()).isCloseTo(1405.87, within(0.005));
    assertThat(c.pIndexGreeks().delta()).isCloseTo(0.47, within(0.005));
  }

  @Test
  void putCallParityHoldsInBothNumeraires() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      OptionInputs in = new OptionInputs(rnd.nextDouble(100, 10_000), rnd.nextDouble(100, 10_000),
          rnd.nextDouble(0, 730), rnd.nextDouble(0.05, 2.0), rnd.nextDouble(-0.02, 0.1), rnd.nextDouble(0, 0.06));
      Valuation v = InverseOptions.value(in);
      double dq = Math.exp(-in.ethYield() * in.years());
      double dr = Math.exp(-in.rate() * in.years());
      // ETH numeraire: P + N = e^{-q tau} (one ETH, less the yield it no longer earns).
      assertThat(v.pEth() + v.nEth()).isCloseTo(dq, within(1e-12));
      // Index numeraire: P = S e^{-r tau} - Put, with the put from its own closed form.
      double sd = in.vol() * Math.sqrt(in.years());
      double put;
      if (in.years() == 0) {
        put = Math.max(in.strike() - in.spot(), 0);
      } else {
        double d1 = (Math.log(in.spot() / in.strike()) + (in.rate() - in.ethYield() + 0.5 * in.vol() * in.vol()) * in.years()) / sd;
        double d2 = d1 - sd;
        put = in.strike() * dr * InverseOptions.cdf(-d2) - in.spot() * dq * InverseOptions.cdf(-d1);
      }
      assertThat(v.pIndex()).isCloseTo(in.strike() * dr - put, within(1e-9 * in.strike() + 1e-9));
      assertThat(v.pIndex()).isCloseTo(v.pEth() * in.spot(), within(1e-9 * in.spot()));
    }
  }

  @Test
  void boundaries() {
    // x -> 0: P is all the ETH and worth ~x; N worth nothing.
    Valuation low = InverseOptions.value(OptionInputs.of(1e-6, 2000, 30, 0.7));
    assertThat(low.pEth()).isCloseTo(1.0, within(1e-12));
    assertThat(low.nEth()).isCloseTo(0.0, within(1e-12));
    // x -> infinity: P is worth S (its cap), i.e. S/x ETH; N takes the rest.
    Valuation high = InverseOptions.value(OptionInputs.of(1e9, 2000, 30, 0.7));
    assertThat(high.pIndex()).isCloseTo(2000, within(1e-6));
    assertThat(high.pEth()).isCloseTo(2000 / 1e9, within(1e-12));
    // tau -> 0: the value converges to the payoff min(1, S/x) and max(0, 1 - S/x).
    for (double x : new double[] {1000, 1999, 2001, 3000}) {
      Valuation nearExpiry = InverseOptions.value(OptionInputs.of(x, 2000, 1e-9, 0.7));
      Valuation atExpiry = InverseOptions.value(OptionInputs.of(x, 2000, 0, 0.7));
      assertThat(atExpiry.pEth()).isCloseTo(Math.min(1, 2000 / x), within(1e-15));
      assertThat(nearExpiry.pEth()).isCloseTo(atExpiry.pEth(), within(1e-6));
      assertThat(atExpiry.pIndexGreeks().gamma()).isZero();
    }
  }

  @Test
  void greeksMatchFiniteDifferences() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int i = 0; i < 2_000; i++) {
      OptionInputs in = new OptionInputs(rnd.nextDouble(1000, 5000), rnd.nextDouble(1000, 5000),
          rnd.nextDouble(5, 365), rnd.nextDouble(0.2, 1.2), rnd.nextDouble(0, 0.05), rnd.nextDouble(0, 0.04));
      Valuation v = InverseOptions.value(in);
      double h = in.spot() * 1e-4;
      Valuation up = InverseOptions.value(in.withSpot(in.spot() + h));
      Valuation dn = InverseOptions.value(in.withSpot(in.spot() - h));
      checkSpotGreeks(v.pIndexGreeks(), up.pIndex(), v.pIndex(), dn.pIndex(), h, 1.0);
      checkSpotGreeks(v.nIndexGreeks(), up.nIndex(), v.nIndex(), dn.nIndex(), h, 1.0);
      checkSpotGreeks(v.pEthGreeks(), up.pEth(), v.pEth(), dn.pEth(), h, 1.0 / in.spot());
      checkSpotGreeks(v.nEthGreeks(), up.nEth(), v.nEth(), dn.nEth(), h, 1.0 / in.spot());
      double dv = 1e-5;
      double vega = (InverseOptions.value(in.withVol(in.vol() + dv)).pIndex()
          - InverseOptions.value(in.withVol(in.vol() - dv)).pIndex()) / (2 * dv);
      assertThat(v.pIndexGreeks().vega()).isCloseTo(vega, within(1e-4 * Math.max(1, Math.abs(vega))));
      // theta: value change per year as calendar time passes (days to maturity fall).
      double dt = 1e-3;
      double theta = (InverseOptions.value(in.withDays(in.days() - dt)).nEth()
          - InverseOptions.value(in.withDays(in.days() + dt)).nEth()) / (2 * dt / 365);
      assertThat(v.nEthGreeks().theta()).isCloseTo(theta, within(1e-4 * Math.max(1, Math.abs(theta))));
    }
  }

  private static void checkSpotGreeks(Greeks g, double up, double mid, double dn, double h, double scale) {
    assertThat(g.delta()).isCloseTo((up - dn) / (2 * h), within(1e-6 * scale + 1e-9));
    assertThat(g.gamma()).isCloseTo((up - 2 * mid + dn) / (h * h), within(1e-5 * Math.abs(g.gamma()) + 1e-8 * scale));
  }

  @Test
  void impliedVolatilityRoundTripsAndRefusesImpossiblePrices() {
    OptionInputs in = OptionInputs.of(3000, 2000, 90, 0.70);
    Valuation v = InverseOptions.value(in);
    for (Leg leg : Leg.values()) {
      assertThat(ImpliedVolatility.solve(leg, leg.of(v), in)).isCloseTo(0.70, within(1e-7));
    }
    // N cannot be worth less than its intrinsic value (1 - S/x) = 1/3 ETH, nor more than 1 ETH.
    assertThatThrownBy(() -> ImpliedVolatility.solve(Leg.N_ETH, 0.2, in))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("price: no volatility in [");
    assertThatThrownBy(() -> ImpliedVolatility.solve(Leg.P_ETH, 1.5, in)).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> ImpliedVolatility.solve(Leg.P_ETH, 0.6, in.withDays(0)))
        .hasMessageStartingWith("days: must be positive");
  }

  @Test
  void refusesBadInputNamingTheField() {
    assertThatThrownBy(() -> OptionInputs.of(0, 2000, 30, 0.7)).hasMessage("spot: must be positive (was 0.0)");
    assertThatThrownBy(() -> OptionInputs.of(3000, -1, 30, 0.7)).hasMessage("strike: must be positive (was -1.0)");
    assertThatThrownBy(() -> OptionInputs.of(3000, 2000, -1, 0.7)).hasMessage("days: must not be negative (was -1.0)");
    assertThatThrownBy(() -> OptionInputs.of(3000, 2000, 30, 0)).hasMessage("vol: must be positive before maturity (was 0.0)");
    assertThatThrownBy(() -> OptionInputs.of(Double.NaN, 2000, 30, 0.7)).hasMessage("spot: must be a finite number (was NaN)");
    assertThatThrownBy(() -> new OptionInputs(3000, 2000, 30, 0.7, Double.POSITIVE_INFINITY, 0))
        .hasMessage("rate: must be a finite number (was Infinity)");
  }

  @Test
  void nEthAloneIsBitForBitTheFullValuationsNEth() {
    // The makers' lean call must give the very double the full valuation gives (results are digested
    // byte for byte), at maturity, at the money, deep in and out of it, with and without rate and yield.
    SplittableRandom rnd = new SplittableRandom(20261202);
    for (int i = 0; i < 200_000; i++) {
      double spot = Math.exp(rnd.nextDouble(Math.log(1), Math.log(100_000)));
      double strike = rnd.nextInt(10) == 0 ? spot : spot * Math.exp(rnd.nextDouble(-3, 3));
      double days = switch (rnd.nextInt(4)) {
        case 0 -> 0;
        case 1 -> rnd.nextDouble(0, 1.0 / 24);
        default -> rnd.nextDouble(0, 730);
      };
      double vol = rnd.nextDouble(0.01, 3);
      boolean carry = rnd.nextBoolean();
      OptionInputs in = new OptionInputs(spot, strike, days, vol, carry ? rnd.nextDouble(-0.05, 0.1) : 0,
          carry ? rnd.nextDouble(0, 0.08) : 0);
      assertThat(InverseOptions.nEth(in)).as("%s", in).isEqualTo(InverseOptions.value(in).nEth());
      if (!carry) {
        // With no rate and no yield, P in ETH is 1 - N in ETH exactly (what the makers use).
        assertThat(1.0 - InverseOptions.nEth(in)).as("%s", in).isEqualTo(InverseOptions.value(in).pEth());
      }
    }
  }
}
