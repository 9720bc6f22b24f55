package noliq.lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

class ImpliedVolTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void garchPathsCarryTheirOwnForecastPlusTheVarianceRiskPremium() {
    GarchT m = FittedModels.ethHourly();
    // at the unconditional variance the 30-day forecast is the long-run vol
    assertThat(ImpliedVol.garchAtm(m, m.unconditionalVariance()))
        .isCloseTo(ImpliedVol.IV_OVER_FORWARD_RV * m.annualVolatility(), within(1e-12));
    // after a shock the level rises, and less than the hour's conditional vol (30 days of mean reversion average it)
    double shocked = m.unconditionalVariance() * 9;
    double spot = Math.sqrt(shocked / m.stepYears()) * ImpliedVol.IV_OVER_FORWARD_RV;
    assertThat(ImpliedVol.garchAtm(m, shocked)).isGreaterThan(ImpliedVol.garchAtm(m, m.unconditionalVariance()))
        .isLessThan(spot);
    PricePath p = new Scenario.Stochastic("garch-t", m, 3000, 24 * 10, T0).path(noliq.lab.engine.PathRandom.forPath(3L, 0));
    assertThat(p.impliedAtm(0)).isCloseTo(ImpliedVol.garchAtm(m, m.unconditionalVariance()), within(1e-12));
  }

  @Test
  void gbmAndMertonCarryTheirOwnVolPlusThePremium() {
    PricePath g = new Scenario.Stochastic("gbm", Gbm.hourly(0, 0.8), 3000, 48, T0)
        .path(noliq.lab.engine.PathRandom.forPath(1L, 0));
    assertThat(g.impliedAtm(47)).isCloseTo(0.8 * ImpliedVol.IV_OVER_FORWARD_RV, within(1e-12));
    var merton = new MertonJumpDiffusion(0, 0.65, 4, -0.08, 0.06, PriceModel.HOUR_YEARS);
    PricePath mp = new Scenario.Stochastic("merton", merton, 3000, 48, T0).path(noliq.lab.engine.PathRandom.forPath(1L, 0));
    assertThat(mp.impliedAtm(0)).isCloseTo(ImpliedVol.IV_OVER_FORWARD_RV * Math.sqrt(0.65 * 0.65 + 4 * (0.08 * 0.08
        + 0.06 * 0.06)), within(1e-12));
  }

  @Test
  void withoutAModelTheMappingStartsAtTheLongRunAndRisesWithRealisedVol() {
    double[] calm = new double[24 * 5 + 1];
    double[] wild = new double[calm.length];
    calm[0] = wild[0] = 3000;
    for (int i = 1; i < calm.length; i++) {
      calm[i] = calm[i - 1] * (i % 2 == 0 ? 1.002 : 1 / 1.002);
      wild[i] = wild[i - 1] * (i % 2 == 0 ? 1.03 : 1 / 1.03);
    }
    PricePath c = PricePath.generated("calm", T0, Duration.ofHours(1), calm);
    PricePath w = PricePath.generated("wild", T0, Duration.ofHours(1), wild);
    assertThat(c.impliedAtm(0)).isCloseTo(ImpliedVol.LONG_RUN_ATM, within(1e-9));
    assertThat(w.impliedAtm(wild.length - 1)).isGreaterThan(ImpliedVol.LONG_RUN_ATM)
        .isGreaterThan(c.impliedAtm(calm.length - 1));
    assertThat(w.realisedVolJump(wild.length - 1)).isGreaterThan(1);
    assertThat(c.volOfVol(3)).isGreaterThanOrEqualTo(0);
    // a frozen level has no vol-of-vol
    double[] flat = new double[calm.length];
    java.util.Arrays.fill(flat, 0.8);
    assertThat(c.withImpliedAtm(flat).volOfVol(100)).isZero();
  }

  @Test
  void historyReadsThePreviousDaysDvolWhereItHasOne() {
    double[] p = {3000, 3010, 2990, 3000};
    long[] t = {T0.toEpochMilli(), T0.plus(Duration.ofDays(1)).toEpochMilli(), T0.plus(Duration.ofDays(2)).toEpochMilli(),
        T0.plus(Duration.ofDays(3)).toEpochMilli()};
    Map<LocalDate, Double> dvol = Map.of(LocalDate.parse("2026-01-01"), 0.9);
    double[] atm = ImpliedVol.historicalAtm(ImpliedVolParameters.DEFAULTS, t, p, dvol);
    assertThat(atm[1]).isEqualTo(0.9); // 2 Jan reads 1 Jan's close: no look-ahead
    assertThat(atm[0]).isNotEqualTo(0.9);
    // historyAtm 0: the mapping everywhere, DVOL ignored
    var mappingOnly = new ImpliedVolParameters(ImpliedVol.IV_OVER_FORWARD_RV, ImpliedVol.RV_MAP_INTERCEPT,
        ImpliedVol.RV_MAP_SLOPE, ImpliedVol.LONG_RUN_ATM, false);
    assertThat(ImpliedVol.historicalAtm(mappingOnly, t, p, dvol)[1]).isNotEqualTo(0.9)
        .isEqualTo(ImpliedVol.mappedAtm(ImpliedVolParameters.DEFAULTS, t, p)[1]);
  }

  @Test
  void theFittedConstantsAreInputsThatMoveThePathsLevel() {
    GarchT m = FittedModels.ethHourly();
    PricePath garch = new Scenario.Stochastic("garch-t", m, 3000, 24 * 10, T0).path(noliq.lab.engine.PathRandom.forPath(3L, 0));
    var d = ImpliedVolParameters.DEFAULTS;
    assertThat(garch.withImpliedVol(d)).isSameAs(garch);
    // the premium scales a model path's level point by point (away from the clamps)
    PricePath richer = garch.withImpliedVol(new ImpliedVolParameters(1.5, d.rvMapIntercept(), d.rvMapSlope(), d.longRunAtm(), true));
    for (int t : new int[] {0, 100, 240}) {
      assertThat(richer.impliedAtm(t)).isCloseTo(garch.impliedAtm(t) * 1.5 / ImpliedVol.IV_OVER_FORWARD_RV, within(1e-12));
    }
    // a mapped path starts at the long-run level it is given, and a steeper mapping lifts a wild path's level more
    double[] wild = new double[24 * 40 + 1];
    wild[0] = 3000;
    for (int i = 1; i < wild.length; i++) {
      wild[i] = wild[i - 1] * (i % 2 == 0 ? 1.03 : 1 / 1.03);
    }
    PricePath w = PricePath.generated("wild", T0, Duration.ofHours(1), wild);
    PricePath higher = w.withImpliedVol(new ImpliedVolParameters(d.ivOverForwardRv(), d.rvMapIntercept(), d.rvMapSlope(), 1.2, true));
    assertThat(higher.impliedAtm(0)).isCloseTo(1.2, within(1e-9));
    assertThat(w.impliedAtm(0)).isCloseTo(ImpliedVol.LONG_RUN_ATM, within(1e-9));
    PricePath steeper = w.withImpliedVol(new ImpliedVolParameters(d.ivOverForwardRv(), d.rvMapIntercept(), 0.9, d.longRunAtm(), true));
    int last = wild.length - 1;
    assertThat(w.impliedAtm(last)).isGreaterThan(1); // 30 days of 3% hourly moves: realised vol far above 1
    assertThat(steeper.impliedAtm(last)).isGreaterThan(w.impliedAtm(last));
    // a level given point by point is not re-read
    double[] flat = new double[wild.length];
    java.util.Arrays.fill(flat, 0.5);
    assertThat(w.withImpliedAtm(flat).withImpliedVol(new ImpliedVolParameters(2, 0, 1, 1, false)).impliedAtm(last)).isEqualTo(0.5);
    // lows keep the recipe and its constants
    double[] lows = new double[wild.length];
    lows[0] = wild[0];
    for (int i = 1; i < lows.length; i++) {
      lows[i] = Math.min(wild[i - 1], wild[i]);
    }
    assertThat(higher.withLows(lows).impliedAtm(0)).isCloseTo(1.2, within(1e-9));
    assertThatThrownBy(() -> new ImpliedVolParameters(0.1, 0, 1, 0.7, true)).hasMessageStartingWith("ivOverForwardRv:");
    assertThatThrownBy(() -> new ImpliedVolParameters(1, 0, 1, 0.01, true)).hasMessageStartingWith("longRunAtm:");
  }

  @Test
  void aPathsLevelsAreCheckedAndItsClockIsSearchable() {
    PricePath p = PricePath.generated("x", T0, Duration.ofHours(1), new double[] {1, 2, 3});
    assertThatThrownBy(() -> p.withImpliedAtm(new double[] {0.5, 0.5})).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("impliedAtm:");
    assertThatThrownBy(() -> p.withImpliedAtm(new double[] {0.5, -1, 0.5})).isInstanceOf(RuleViolation.class);
    assertThat(p.indexAt(T0.plus(Duration.ofMinutes(90)), 0)).isEqualTo(1);
    assertThat(p.indexAt(T0.plus(Duration.ofDays(9)), 0)).isEqualTo(2);
    assertThat(p.indexAt(T0.minus(Duration.ofDays(1)), 2)).isZero();
  }
}
