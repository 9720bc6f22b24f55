package noliq.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

class VolSurfaceTest {
  /** The calibrated shape (MarketReaction.DEFAULTS) at Deribit's level of 2025-11-22. */
  static final VolSurface ETH = new VolSurface(0.76, 0.757, 4, 0.174, 0.103, 3);

  @Test
  void aFlatSurfaceIsBlackScholesOneVol() {
    VolSurface flat = VolSurface.flat(0.8);
    for (double k : new double[] {500, 1500, 3000, 9000}) {
      for (double days : new double[] {0.5, 7, 30, 365}) {
        assertThat(flat.volDays(3000, k, days)).isEqualTo(0.8);
      }
    }
    assertThat(flat.isFlat()).isTrue();
  }

  @Test
  void theThirtyDayAtTheMoneyLevelIsTheStateAndLongMaturitiesRevertToTheLongRun() {
    VolSurface high = ETH.withAtm30(1.2);
    assertThat(high.atm(VolSurface.ATM_YEARS)).isCloseTo(1.2, within(1e-12));
    assertThat(high.atm(7 / 365.0)).isGreaterThan(1.2);
    assertThat(high.atm(2)).isLessThan(1.0).isGreaterThan(0.757);
    assertThat(ETH.withAtm30(0.5).atm(2)).isGreaterThan(0.5).isLessThan(0.757);
  }

  @Test
  void theDeepOutOfTheMoneyPutIsOnTheWingWithinTheFitsErrorOfRealQuotes() {
    // Deribit ETH book summary 2025-11-22T02:15Z, mark IVs of three deep puts the fit saw, as (T in years, k = ln(K/F),
    // the expiry's at-the-money IV, the put's IV): 27MAR26, 26JUN26 and 25SEP26
    double[][] quotes = {{0.342, -0.69, 0.7396, 0.855}, {0.591, -0.63, 0.7376, 0.796}, {0.841, -0.64, 0.7316, 0.774}};
    for (double[] q : quotes) {
      double ratio = 1 + 0.174 * -q[1] / Math.sqrt(q[0]);
      // the fit's rmse over 70 puts is 3.3 vol points; these are within twice that
      assertThat(q[2] * ratio).isCloseTo(q[3], within(0.066));
      assertThat(q[2] * ratio).isGreaterThan(q[2]);
    }
    // the surface itself puts a 50%-of-spot put a month out well above the money, and the cap bounds the far wing
    assertThat(ETH.vol(3000, 1500, 30 / 365.0)).isCloseTo(0.76 * (1 + 0.174 * Math.log(2) / Math.sqrt(30 / 365.0)),
        within(1e-9));
    assertThat(ETH.vol(3000, 1, 1 / 365.0)).isCloseTo(ETH.atm(1 / 365.0) * 3, within(1e-12));
  }

  @Test
  void aScaledSurfaceKeepsItsShape() {
    VolSurface up = ETH.scaled(1.1);
    assertThat(up.vol(3000, 1500, 0.1) / ETH.vol(3000, 1500, 0.1)).isCloseTo(1.1, within(1e-12));
  }

  @Test
  void outOfRangeParametersAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new VolSurface(0, 0.7, 4, 0.1, 0.1, 3)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("atm30:");
    assertThatThrownBy(() -> new VolSurface(0.7, 0.7, 4, -0.1, 0.1, 3)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("putSkew:");
    assertThatThrownBy(() -> new VolSurface(0.7, 0.7, 4, 0.1, 0.1, 0.5)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("wingCap:");
  }
}
